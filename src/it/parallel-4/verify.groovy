def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')
assert !log.contains('not marked as @threadSafe')
assert log.contains('BUILD SUCCESS')
(1..4).each { n ->
    def m = new File(basedir, "m${n}")
    // stdout: only this run's lines, in order (the probe copies its input 200 times)
    def expected = "cwd=/work-${n}\nfd=3\n" + ("I am module ${n}\n" * 200)
    assert new File(m, 'target/stdout.txt').text == expected : "m${n}/target/stdout.txt"
    assert new File(m, 'target/stderr.txt').text == 'probe: done\n'
    // cwd: the relative out.txt landed in this module's working directory, and nowhere else
    assert new File(m, "work-${n}/out.txt").text == "I am module ${n}\n"
    // no other files: neither stray outputs of other runs nor temp files of the plugin
    def files = []
    m.eachFileRecurse(groovy.io.FileType.FILES) { files << m.toPath().relativize(it.toPath()).toString() }
    assert files.sort() == ['pom.xml', 'target/stderr.txt', 'target/stdout.txt', "work-${n}/input.txt", "work-${n}/out.txt"].sort() : "m${n}: ${files}"
}
assert !new File(basedir, 'out.txt').exists()
return true
