def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'wasi-sandboxed') of module ")
// the first import of the module is the one that fails: with noSystem no host module is offered
assert log.contains('failed: link error: unknown import wasi_snapshot_preview1.args_sizes_get (expected func [i32, i32] -> [i32])')
// the guest never ran
assert !log.contains('wasi-tool: hello')
assert !new File(basedir, 'report.txt').exists()
// a guest fault, not a Java failure of wasmvm
assert !log.contains('at org.wasmvm.core.')
return true
