// Runs the same yosys (the npm package's own JavaScript runner, on node's WebAssembly engine) on a
// Verilog file with the script the synth module runs on wasmvm, and prints the statistics: the
// independent reference for the cell counts that CounterSynthesisTest expects.
// Usage: node yosys-under-node.mjs PACKAGE_GEN_DIR FILE.v TOP
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [gen, verilog, top] = process.argv.slice(2);
const { runYosys } = await import(pathToFileURL(path.resolve(gen, 'bundle.js')).href);
const files = await runYosys(
  ['-q', '-p', `read_verilog design.v; synth_ice40 -top ${top}; tee -q -o stat.txt stat; write_json netlist.json`],
  { 'design.v': fs.readFileSync(verilog, 'utf8') });
process.stdout.write(files['stat.txt']);
const cells = JSON.parse(files['netlist.json']).modules[top].cells;
const types = {};
for (const cell of Object.values(cells)) types[cell.type] = (types[cell.type] ?? 0) + 1;
console.log('cells in the JSON netlist:', JSON.stringify(types));
