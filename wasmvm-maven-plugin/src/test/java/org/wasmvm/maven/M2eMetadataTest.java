package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The plugin's m2e lifecycle mapping, read from the class path as m2e reads it from the jar (the
 * invoker IT m2e-metadata checks that the installed jar holds it): without it Eclipse reports
 * "Plugin execution not covered by lifecycle configuration".
 */
class M2eMetadataTest {
    private static final String PATH = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    @Test
    void theRunGoalExecutesOnConfigurationAndOnIncrementalBuilds() throws Exception {
        Document metadata;
        try (InputStream in = RunMojo.class.getClassLoader().getResourceAsStream(PATH)) {
            assertThat(in).as(PATH).isNotNull();
            metadata = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        XPath xpath = XPathFactory.newInstance().newXPath();
        String execution = "/lifecycleMappingMetadata/pluginExecutions/pluginExecution";
        assertThat(xpath.evaluate("count(" + execution + ")", metadata)).isEqualTo("1");
        assertThat(xpath.evaluate(execution + "/pluginExecutionFilter/goals/goal", metadata)).isEqualTo("run");
        assertThat(xpath.evaluate(execution + "/action/execute/runOnConfiguration", metadata)).isEqualTo("true");
        assertThat(xpath.evaluate(execution + "/action/execute/runOnIncremental", metadata)).isEqualTo("true");
    }
}
