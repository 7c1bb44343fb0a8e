def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'skipped') skipped (wasmvm.skip=true)")
assert log.contains('BUILD SUCCESS')
return true
