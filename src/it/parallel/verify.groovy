def log = new File(basedir, 'build.log').text
assert log.contains('parallel build') || log.contains('Using the MultiThreadedBuilder')
// the plugin is thread-safe: Maven has nothing to warn about
assert !log.contains('not marked as @threadSafe')
assert !log.contains('not thread-safe')
def fib = new File(basedir, 'module-a/target/out/gen/Fib.java')
assert fib.isFile() && fib.text.contains('VALUE = 102334155L')
def hello = new File(basedir, 'module-b/target/hello-stdout.txt').text
assert hello.contains('argv[1]=from-b')
assert new File(basedir, 'module-b/target/pom-copy.xml').text == new File(basedir, 'module-b/pom.xml').text
assert log.contains("wasmvm:run (execution 'gen-a')")
assert log.contains("wasmvm:run (execution 'hello-b')")
assert log.contains('BUILD SUCCESS')
return true
