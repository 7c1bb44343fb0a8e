import java.util.jar.JarFile

// Eclipse m2e reads the lifecycle mapping from the plugin's jar, as installed in the repository
def dir = new File(localRepositoryPath, 'org/wasmvm/wasmvm-maven-plugin')
def jars = []
dir.eachFileRecurse { if (it.name ==~ /wasmvm-maven-plugin-[^\/]*\.jar/) jars << it }
assert jars : "no plugin jar under ${dir}"
jars.each { file ->
    new JarFile(file).withCloseable { jar ->
        def entry = jar.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
        assert entry != null : "${file} holds no m2e lifecycle mapping"
        def xml = jar.getInputStream(entry).text
        assert xml.contains('<goal>run</goal>')
        assert xml.contains('<runOnConfiguration>true</runOnConfiguration>')
        assert xml.contains('<runOnIncremental>true</runOnIncremental>')
    }
}

// wasmvm:help is generated from the parameters' javadoc: it shows the file-set semantics and the IDE behaviour
// (help wraps its lines: compare with the whitespace collapsed)
def log = new File(basedir, 'build.log').text.replaceAll(/\s+/, ' ')
assert log.contains('wasmvm:run')
assert log.contains("Maven's default excludes such as .git/ and *~ always apply")
assert log.contains('In an incremental Eclipse build the run is skipped unless one of them changed')
assert log.contains('BUILD SUCCESS')
return true
