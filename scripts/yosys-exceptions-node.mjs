// The reference for wasmvm-compiler's YosysExceptionsTest: runs yosys (@yowasp/yosys 0.70.62-dev.1236,
// C++ exceptions as wasm exceptions; scripts/fetch-yosys-exceptions.sh) under node's WASI as the test
// runs it: argv "yosys", no environment, the test's directory preopened as "/", its input.ys on stdin (an
// interactive session whose failing commands yosys reports by throwing log_cmd_error_exception out of
// the pass and catching it in its shell loop). Writes node.stdout and node.stderr there, the stdout
// cut after the logfile hash of "End of script." (the rest of that line and the lines after it are
// times). Needs a node whose WebAssembly has exnref (24 or later: `npx -y node@24`):
//   cp -r wasmvm-compiler/src/test/resources/published/yosys-exceptions /tmp/y
//   npx -y node@24 scripts/yosys-exceptions-node.mjs ~/.cache/wasmvm-tools/yosys-exceptions.wasm /tmp/y
//   cp /tmp/y/node.stdout /tmp/y/node.stderr wasmvm-compiler/src/test/resources/published/yosys-exceptions/
import { WASI } from 'node:wasi';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const [module, dir] = process.argv.slice(2);
const stdin = openSync(`${dir}/input.ys`, 'r');
const raw = mkdtempSync(`${tmpdir()}/yosys-node-`) + '/stdout';
const stdout = openSync(raw, 'w');
const stderr = openSync(`${dir}/node.stderr`, 'w');
const wasi = new WASI({
  version: 'preview1', args: ['yosys'], env: {}, preopens: { '/': dir },
  stdin, stdout, stderr, returnOnExit: true,
});
const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(module)), wasi.getImportObject());
const code = wasi.start(instance);
for (const fd of [stdin, stdout, stderr]) closeSync(fd);
if (code !== 0) {
  console.error(`yosys exited with ${code}`);
  process.exit(1);
}
const out = readFileSync(raw, 'utf8');
rmSync(raw);
const end = out.match(/\nEnd of script\. Logfile hash: [0-9a-f]+/);
if (!end) {
  console.error('no "End of script." line in yosys\'s stdout');
  process.exit(1);
}
writeFileSync(`${dir}/node.stdout`, out.slice(0, end.index + end[0].length) + '\n');
