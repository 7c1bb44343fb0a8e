def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'pure-main') of module ")
assert log.contains("wasmvm:run (execution 'pure-check') of module ")
assert log.contains('BUILD SUCCESS')
return true
