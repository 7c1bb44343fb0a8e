def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'wasi-sandboxed') of module ")
assert log =~ /failed: link error: .*wasi_snapshot_preview1\.args_sizes_get/
assert log.contains('noSystem')
// the guest never ran
assert !log.contains('wasi-tool: hello')
assert !new File(basedir, 'report.txt').exists()
// a guest fault, not a Java failure of wasmvm
assert !log.contains('at org.wasmvm.core.')
return true
