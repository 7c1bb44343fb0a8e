// Runs a wasm32 wasi-threads program on node, for comparison with wasmvm (issue 24). node:wasi has no
// wasi.thread-spawn, so this adds it: each spawn starts a worker that instantiates the module again with the same
// shared env.memory and calls wasi_thread_start(tid, start_arg), as wasmvm's WasiThreads does.
//   node scripts/wasi-threads-node.mjs program.wasm [entry export, default _start]
// The memory is created from the limits the module's env.memory import declares. node:wasi's proc_exit in a
// worker ends only that worker, so compare programs that exit from the main thread (wasmvm ends the run).
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const file = isMainThread ? process.argv[2] : workerData.file;
const bytes = readFileSync(file);
const module = new WebAssembly.Module(bytes);
const memory = isMainThread ? new WebAssembly.Memory({ ...importedLimits(bytes), shared: true }) : workerData.memory;
const tids = isMainThread ? new Int32Array(new SharedArrayBuffer(4)) : workerData.tids;

const wasi = new WASI({ version: 'preview1', args: [file], env: {} });
const instance = new WebAssembly.Instance(module, {
  ...wasi.getImportObject(),
  env: { memory },
  wasi: {
    'thread-spawn': (startArg) => {
      const tid = Atomics.add(tids, 0, 1) + 1;
      new Worker(new URL(import.meta.url), { workerData: { file, memory, tids, tid, startArg } });
      return tid;
    },
  },
});
if (isMainThread) {
  wasi.start({ exports: { memory, _start: instance.exports[process.argv[3] ?? '_start'] } });
} else {
  wasi.initialize({ exports: { memory } });
  instance.exports.wasi_thread_start(workerData.tid, workerData.startArg);
}

/** The limits of the module's memory import, from its import section (section 2). */
function importedLimits(wasm) {
  let at = 8;
  const u32 = () => {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[at++];
      result |= (b & 0x7f) << shift;
      if (b < 0x80) return result >>> 0;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return wasm.subarray(at - length, at).toString();
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = u32();
    if (id !== 2) {
      at += size;
      continue;
    }
    for (let count = u32(); count > 0; count--) {
      const [module, field, kind] = [name(), name(), wasm[at++]];
      if (kind === 2) {
        const flags = wasm[at++];
        const limits = { initial: u32() };
        if (flags & 1) limits.maximum = u32();
        if (module === 'env' && field === 'memory') return limits;
      } else if (kind === 0) {
        u32();
      } else if (kind === 1) {
        at++;
        const flags = wasm[at++];
        u32();
        if (flags & 1) u32();
      } else {
        at += 2; // a global: its type and mutability
      }
    }
  }
  throw new Error(`${file} imports no env.memory`);
}
