// Registers <claim-diff>. The one line a host page needs:
//   <script type="module" src="/claim-diff-define.js"></script>
import { ClaimDiffElement } from './claim-diff-element.js';

ClaimDiffElement.define();

export { ClaimDiffElement };
