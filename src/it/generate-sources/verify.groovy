def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/wasm/gen/Fib.java')
assert generated.isFile()
assert generated.text.contains('public static final long VALUE = 832040L;')
assert log.contains('[INFO] gen: wrote target/generated-sources/wasm/gen/Fib.java (fib(30) = 832040)')
// compiled by maven-compiler-plugin, used by the test
assert new File(basedir, 'target/classes/gen/Fib.class').isFile()
assert new File(basedir, 'target/classes/it/Numbers.class').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
