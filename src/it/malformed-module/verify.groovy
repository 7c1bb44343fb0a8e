def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'broken') of module ")
assert log =~ /bad\.wasm failed: not a valid WebAssembly module: malformed module at offset 0x[0-9a-f]+/
assert !log.contains('at org.wasmvm.core.')
return true
