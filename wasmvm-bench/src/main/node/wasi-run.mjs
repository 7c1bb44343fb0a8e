// Runs a WASI preview1 command under node, as ToolRun runs it under wasmvm's CLI: ROOT preopened as
// "/", more host directories under guest paths, only the given environment, stdio inherited.
//   node --no-warnings wasi-run.mjs MODULE ROOT [--dir HOST::GUEST]... [--env NAME=VALUE]... -- ARGV...
// Exits with the program's exit code.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const [module, root] = args.splice(0, 2);
const preopens = { '/': root };
const env = {};
while (args.length > 0 && args[0] !== '--') {
  const [option, value] = args.splice(0, 2);
  if (option === '--dir') {
    const [host, guest] = value.split('::');
    preopens[guest] = host;
  } else if (option === '--env') {
    const equals = value.indexOf('=');
    env[value.slice(0, equals)] = value.slice(equals + 1);
  } else {
    console.error(`wasi-run: unknown option ${option}`);
    process.exit(64);
  }
}
args.shift();
const wasi = new WASI({ version: 'preview1', args, env, preopens, returnOnExit: true });
const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(module)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
