// hello.wasm saw its arguments and only the configured environment; its lines went to the log
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Hello from wasm!')
assert log.contains("wasmvm:run (execution 'hello') of module ")
assert log.contains('[INFO] argc=3')
assert log.contains('[INFO] argv[0]=hello.wasm')
assert log.contains('[INFO] argv[1]=one')
assert log.contains('[INFO] argv[2]=two words')
assert log.contains('[INFO] GREETING=bonjour')
// no inheritEnvironment: the build's PATH and HOME are invisible
assert log.contains('[INFO] PATH is unset')
assert log.contains('[INFO] HOME is unset')
// stderr at WARN
assert log.contains('[WARNING] hello.wasm writes to stderr')
// the sandbox: writing outside the root fails with -EACCES, inside works
assert log.contains('[INFO] open /../escape.txt -> -13')
assert !new File(basedir, '../escape.txt').exists()
assert !new File(basedir, 'escape.txt').exists()
// the working directory (created by the plugin) is where relative paths start
assert log.contains('[INFO] open hello.txt failed=0')
assert new File(basedir, 'target/work/hello.txt').text == 'written by hello.wasm\n'

// cat.wasm: stdin from a file, stdout and stderr to files, nothing in the log
assert new File(basedir, 'target/cat/stdout.txt').text == new File(basedir, 'src/input.txt').text
assert new File(basedir, 'target/cat/stderr.txt').text == 'cat: done\n'
assert !log.contains('cat: done')
// every run ends with one summary line: the module, the duration and the exit code
assert log =~ /\[INFO\] wasmvm:run \(execution 'hello'\) of module \S*hello\.wasm finished in \d+\.\d s, exit 0/
return true
