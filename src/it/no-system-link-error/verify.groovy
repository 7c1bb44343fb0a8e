def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'sandboxed') of module ")
assert log =~ /link error: .*sys_(fs|proc)/
assert log.contains('noSystem')
// the guest never ran
assert !log.contains('Hello from wasm!')
assert !new File(basedir, 'target/hello.txt').exists()
// a guest fault, not a Java failure of wasmvm
assert !log.contains('at org.wasmvm.core.')
return true
