// The reference for wasmvm-core's PandocTest: converts the test's Markdown document to HTML with
// npm's pandoc-wasm under node, as the package's own API does it, and prints pandoc's stdout.
// Run it on the unpacked package with its one dependency installed:
//   npm pack pandoc-wasm@1.1.0 && tar xzf pandoc-wasm-1.1.0.tgz && (cd package && npm install @bjorn3/browser_wasi_shim)
//   node scripts/pandoc-node.mjs "$PWD/package" wasmvm-core/src/test/resources/published/pandoc/input.md \
//     > wasmvm-core/src/test/resources/published/pandoc/node.html
import { readFileSync } from 'node:fs';

const [dir, input] = process.argv.slice(2);
const { convert } = await import(dir + '/src/index.node.js');
const result = await convert({ from: 'markdown', to: 'html', standalone: false }, readFileSync(input, 'utf8'), {});
if (result.stderr) {
  console.error(result.stderr);
  process.exit(1);
}
process.stdout.write(result.stdout);
