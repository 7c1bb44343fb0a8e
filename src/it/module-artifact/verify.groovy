def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'from-repository') of module org.wasmvm.it:hello-tool:wasm:1.0")
assert log.contains('[INFO] Hello from wasm!')
// argv[0] is the artifact's file name in the repository
assert log.contains('[INFO] argv[0]=hello-tool-1.0.wasm')
assert log.contains('[INFO] argv[1]=resolved')
return true
