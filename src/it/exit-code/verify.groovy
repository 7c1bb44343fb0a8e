def log = new File(basedir, 'build.log').text
// the first execution accepts 3, the second fails the build
assert log.contains("wasmvm:run (execution 'tolerated') of module ")
assert log.contains("wasmvm:run (execution 'strict') of module ")
assert log.contains("/exit3.wasm failed: the guest exited with code 3")
assert log.contains('[WARNING] exit3: failing on purpose')
assert !log.contains('at org.wasmvm.core.')
return true
