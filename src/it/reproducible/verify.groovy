import java.util.Arrays

def build = { String name -> new File(basedir, "target/$name") }
def pinned = { String name -> new File(build(name), 'generated-sources/stamp/stamp/Stamp.java') }
def unpinned = { String name -> new File(build(name), 'unpinned/stamp/Stamp.java') }

// switches on: the same source and, compiled and packaged with the output timestamp, the same jar
assert Arrays.equals(pinned('first').bytes, pinned('second').bytes)
def text = pinned('first').getText('UTF-8')
assert text.contains('WASI_SECONDS = 1767225600L;')      // 2026-01-01T00:00:00Z, the outputTimestamp
assert text.contains('SYSENV_SECONDS = 1767225600L;')
assert text.contains('RANDOM = "afcd1d7b39a820e2f465b9a16a9e786e";')  // SplitMix64 from seed 0
assert new File(build('first'), 'classes/stamp/Stamp.class').isFile()
def jar = { String name -> new File(build(name), 'reproducible-1.0.jar') }
assert jar('first').isFile()
assert Arrays.equals(jar('first').bytes, jar('second').bytes)

// switches off: the same tool stamps the host's clock and other random bytes into each build
assert !Arrays.equals(unpinned('first').bytes, unpinned('second').bytes)
[unpinned('first'), unpinned('second')].each { file ->
    def stamped = file.getText('UTF-8')
    assert !stamped.contains('WASI_SECONDS = 1767225600L;')
    assert !stamped.contains('afcd1d7b39a820e2f465b9a16a9e786e')
}
return true
