def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'unresolvable')")
assert log.contains('cannot resolve module artifact org.wasmvm.it:no-such-tool:wasm:9.9')
return true
