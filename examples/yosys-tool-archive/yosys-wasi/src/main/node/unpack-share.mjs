// Writes the data files of the npm package @yowasp/yosys as a directory tree: the package keeps
// yosys's share/ directory (techmap files, cell libraries) inside gen/resources-yosys.js, as the
// object `filesystem` whose leaves are file contents or URLs of files under gen/share/.
// Usage: node unpack-share.mjs PACKAGE_GEN_DIR OUTPUT_DIR   (writes OUTPUT_DIR/share/...)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [gen, out] = process.argv.slice(2);
if (!gen || !out) {
  console.error('usage: node unpack-share.mjs PACKAGE_GEN_DIR OUTPUT_DIR');
  process.exit(2);
}
const { filesystem } = await import(pathToFileURL(path.resolve(gen, 'resources-yosys.js')).href);
let count = 0;
function write(tree, dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(tree)) {
    const target = path.join(dir, name);
    if (typeof value === 'string' || value instanceof Uint8Array) {
      fs.writeFileSync(target, value);
      count++;
    } else if (value instanceof URL) {
      fs.copyFileSync(fileURLToPath(value), target);
      count++;
    } else {
      write(value, target);
    }
  }
}
write(filesystem, out);
console.log(`unpack-share: ${count} files under ${path.resolve(out)}`);
