// Runs one comparison (or, given `labels`, one Markdown report) off the main
// thread for big accounts; the wasm is loaded through engine.js like
// everywhere else.
import { compare, load, markdownReport } from './engine.js';

self.onmessage = async ({ data: { a, b, settings, labels } }) => {
  try {
    self.postMessage({ stage: 'loading' });
    await load();
    self.postMessage({ stage: 'comparing' });
    const result = labels ? await markdownReport(a, b, settings, ...labels) : await compare(a, b, settings);
    self.postMessage({ result });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
