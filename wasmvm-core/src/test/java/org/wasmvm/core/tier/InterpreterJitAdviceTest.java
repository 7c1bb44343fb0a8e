package org.wasmvm.core.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class InterpreterJitAdviceTest {

    @Test
    void theDirectiveNamesClassesThatExist() {
        for (String name : Stream.concat(InterpreterJitAdvice.CLASSES.stream(), InterpreterJitAdvice.BRIDGES.stream()).toList()) {
            assertThatCode(() -> Class.forName(name.replace('/', '.'))).doesNotThrowAnyException();
        }
    }

    @Test
    void hotSpotTakesTheDirective() throws Exception {
        InterpreterJitAdvice.give();
        String printed = "";
        for (int i = 0; i < 200 && !printed.contains("org/wasmvm/core/lower/FunctionLowering.*"); i++) {
            Thread.sleep(50);
            printed = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        }
        String ours = printed.substring(0, printed.indexOf("Directive: (default)"));
        for (String name : InterpreterJitAdvice.PATTERNS) {
            assertThat(ours).contains(name + ".*");
        }
        assertThat(ours.substring(ours.indexOf("c2 directives:"))).contains("Exclude:true");
    }
}
