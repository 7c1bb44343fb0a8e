def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'wasi-report') of module ")
// the guest's stdout, line by line at INFO
assert log.contains('[INFO] wasi-tool: hello from a wasm32 WASI command')
// root "/" is fd 3, the working directory "." fd 4, then the plugin's directories: /data is fd 5
assert log.contains('[INFO] wasi-tool: read 47 bytes from fd 5, preopened as /data')
// src/data::/data:ro — creating a file there is refused with ENOTCAPABLE (76)
assert log.contains('[INFO] wasi-tool: /data is read-only: path_open(O_CREAT) gave errno 76')
assert log.contains('[INFO] wasi-tool: wrote 47 bytes to report.txt')
assert !log.contains('[WARNING] wasi-tool:')
assert log.contains('BUILD SUCCESS')

def report = new File(basedir, 'target/wasi/report.txt')
assert report.isFile()
assert report.text == 'read 47 bytes from /data/input.txt, upper-cased:\nHELLO, PREOPENED WORLD\nFROM SRC/DATA/INPUT.TXT\n'
// nothing was written into the read-only directory
assert !new File(basedir, 'src/data/denied.txt').exists()
assert new File(basedir, 'src/data').list().toList() == ['input.txt']
return true
