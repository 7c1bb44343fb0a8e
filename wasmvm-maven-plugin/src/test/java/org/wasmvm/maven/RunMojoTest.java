package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

@MojoTest
class RunMojoTest {

    @Test
    @InjectMojo(goal = "run")
    @MojoParameter(name = "skip", value = "true")
    void skipLogsAndDoesNothing(RunMojo mojo) throws Exception {
        List<String> infos = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });

        mojo.execute(); // must not throw, although the goal is not implemented yet

        assertThat(infos).anySatisfy(line -> assertThat(line).contains("skipping"));
    }

    @Test
    @InjectMojo(goal = "run")
    void failsHonestlyUntilImplemented(RunMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("wasmvm:run is not implemented yet (issue 4)");
    }
}
