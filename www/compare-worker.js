// Runs one comparison off the main thread for big accounts; the wasm is
// loaded through engine.js like everywhere else.
import { compare, load } from './engine.js';

self.onmessage = async ({ data: { a, b, settings } }) => {
  try {
    self.postMessage({ stage: 'loading' });
    await load();
    self.postMessage({ stage: 'comparing' });
    self.postMessage({ result: await compare(a, b, settings) });
  } catch (error) {
    self.postMessage({ error: String(error?.message ?? error) });
  }
};
