def log = new File(basedir, 'build.log').text
assert log.contains("wasmvm:run (execution 'from-zip') of module org.wasmvm.it:report-tool:zip:1.0!/bin/wasi-tool.wasm")
assert log.contains("wasmvm:run (execution 'from-tar-gz') of module org.wasmvm.it:report-tool:tar.gz:1.0!/bin/wasi-tool.wasm")
// the archive's share/ is /data, read-only: creating a file there is refused with ENOTCAPABLE (76)
assert log.contains('[INFO] wasi-tool: /data is read-only: path_open(O_CREAT) gave errno 76')
assert !log.contains('[WARNING] wasi-tool:')

def input = new File(basedir, 'tool/src/share/input.txt').text
def expected = "read ${input.length()} bytes from /data/input.txt, upper-cased:\n" + input.toUpperCase()
def app = new File(basedir, 'app/target')
assert new File(app, 'zip-report.txt').text == expected
assert new File(app, 'tar-report.txt').text == expected

// a modulePath entry that is an archive: square.wasm's "mathlib" is mathlib.wasm at its top
assert log =~ /wasmvm:run \(execution 'square-from-archive'\) of module .*square\.wasm returned 144/

// each archive unpacked once into the cache, under its SHA-256, with the list of its files
def archives = new File(app, 'wasmvm-cache/archives')
def entries = archives.listFiles().findAll { it.isDirectory() }
assert entries.size() == 3 : entries  // the zip, the tar.gz, the libs zip
def tools = entries.findAll { new File(it, 'tool/bin').isDirectory() }
assert tools.size() == 2
assert (entries - tools).every { new File(it, 'tool/mathlib.wasm').isFile() }
tools.each { entry ->
    assert entry.name ==~ /[0-9a-f]{64}/
    assert new File(entry, 'tool/bin/wasi-tool.wasm').isFile()
    assert new File(entry, 'tool/share/input.txt').text == input
    assert new File(entry, 'contents.sha256').text.contains(' bin/wasi-tool.wasm\n')
    assert !new File(entry, 'tool/share/denied.txt').exists()
}
return true
