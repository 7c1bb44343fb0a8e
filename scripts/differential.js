// The node half of scripts/differential.sh: for each X.wasm, reads X.sig (written by wasmvm's
// DifferentialMain: "name params -> results" per exported function) and writes X.node.txt, the same
// transcript DifferentialMain writes: log import values, then per export "call", "result ..." or "trap".
'use strict';
const fs = require('fs');

function format(type, v) {
  switch (type) {
    case 'i32': return String(v | 0);
    case 'i64': return BigInt.asIntN(64, BigInt(v)).toString();
    case 'f32':
    case 'f64': {
      if (Number.isNaN(v)) return 'nan';
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      return view.getBigUint64(0).toString(16);
    }
    default: return v === null ? 'null' : 'ref';
  }
}

function types(s) { return s === '-' ? [] : s.split(','); }

async function runOne(file) {
  const base = file.slice(0, -'.wasm'.length);
  const out = [];
  const sigs = new Map();
  for (const line of fs.readFileSync(base + '.sig', 'utf8').split('\n')) {
    const m = /^(.*) (\S+) -> (\S+)$/.exec(line);
    if (m) sigs.set(m[1], { params: types(m[2]), results: types(m[3]) });
  }
  const log = (t) => (v) => { out.push('log ' + format(t, v)); };
  const imports = { 'fuzzing-support': {
    'log-i32': log('i32'), 'log-i64': log('i64'), 'log-f32': log('f32'), 'log-f64': log('f64'),
  } };
  try {
    let instance;
    try {
      ({ instance } = await WebAssembly.instantiate(fs.readFileSync(file), imports));
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        out.push('instantiate trap');
        return out;
      }
      throw e;
    }
    const ex = instance.exports;
    for (const [name, sig] of sigs) {
      if (name === 'hangLimitInitializer') continue;
      if (ex.hangLimitInitializer) ex.hangLimitInitializer();
      out.push('call ' + name);
      const args = sig.params.map((t) => (t === 'i64' ? 0n : t === 'funcref' || t === 'externref' ? null : 0));
      try {
        let r = ex[name](...args);
        if (sig.results.length === 1) r = [r];
        else if (sig.results.length === 0) r = [];
        out.push(['result', ...sig.results.map((t, i) => format(t, r[i]))].join(' '));
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) out.push('trap');
        else throw e;
      }
    }
  } catch (e) {
    out.push('error ' + e);
  }
  return out;
}

(async () => {
  for (const file of process.argv.slice(2)) {
    const out = await runOne(file);
    fs.writeFileSync(file.slice(0, -'.wasm'.length) + '.node.txt', out.map((l) => l + '\n').join(''));
  }
})();
