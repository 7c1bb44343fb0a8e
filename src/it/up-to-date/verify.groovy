def log = new File(basedir, 'build.log').text
// gen.wasm appends a line to target/gen-runs.txt each time it runs: it ran once in two builds
def runs = new File(basedir, 'target/gen-runs.txt')
assert runs.isFile()
assert runs.readLines().size() == 1 : "gen.wasm ran ${runs.readLines().size()} times"
assert log.contains("wasmvm:run (execution 'generate') of module ")
assert log.contains("/gen.wasm is up to date, skipping the run")
// the skipped run still registered the source root: the second build compiled against it
assert new File(basedir, 'target/classes/it/UsesFib.class').isFile()
assert new File(basedir, 'target/classes/gen/Fib.class').isFile()
return true
