def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'endless') of module ")
assert log.contains("/gen.wasm failed: wasm trap: ")
assert log.toLowerCase().contains('timeout') || log.toLowerCase().contains('time limit')
assert !log.contains('at org.wasmvm.core.')
return true
