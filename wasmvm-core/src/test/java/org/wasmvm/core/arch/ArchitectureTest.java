package org.wasmvm.core.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.arch.fixture.cycle.interp.CallsTier;
import org.wasmvm.core.arch.fixture.cycle.tier.CallsInterp;
import org.wasmvm.core.arch.fixture.facade.runtime.UsesTheStore;

/**
 * The layers of wasmvm-core (docs/ARCHITECTURE.md), checked on its compiled classes: each layer
 * uses only the layers below it, the engine's packages never use the public façades, the internal
 * packages form no cycle, and the host families sysenv and WASI know nothing of each other.
 */
class ArchitectureTest {
    private static final String CORE = "org.wasmvm.core";
    /** The public objects that wrap the engine's internals; nothing internal may use them. */
    private static final Set<String> FACADES = Set.of("Wasm", "Store", "Module", "Instance", "Memory", "Table",
            "Global", "Tag", "RuntimeView", "CodeCache", "LoadedModules");

    private static JavaClasses core;

    /** Only wasmvm-core's own classes (a directory or the jar), not its tests: the fixtures below break the rules. */
    @BeforeAll
    static void importTheCoreClasses() throws URISyntaxException, IOException {
        Path location = Path.of(Wasm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            core = new ClassFileImporter().importPath(location);
        } else { // wasmvm-compiler runs this test again on the core jar
            try (JarFile jar = new JarFile(location.toFile())) {
                core = new ClassFileImporter().importJar(jar);
            }
        }
        assertThat(core.contain(Wasm.class)).isTrue();
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(core);
    }

    @Test
    void theInternalPackagesFormNoCycle() {
        internalPackagesFreeOfCycles().check(core);
    }

    @Test
    void aRuntimeClassThatUsesAFacadeBreaksTheLayers() {
        JavaClasses bad = new ClassFileImporter().importClasses(UsesTheStore.class, org.wasmvm.core.Store.class);
        EvaluationResult result = layers("org.wasmvm.core.arch.fixture.facade").withOptionalLayers(true).evaluate(bad);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("UsesTheStore").contains("Store");
    }

    @Test
    void twoPackagesThatUseEachOtherAreACycle() {
        JavaClasses bad = new ClassFileImporter().importClasses(CallsTier.class, CallsInterp.class);
        EvaluationResult result = slices().matching("org.wasmvm.core.arch.fixture.cycle.(*)..")
                .should().beFreeOfCycles().evaluate(bad);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("CallsTier").contains("CallsInterp");
    }

    private static ArchRule layers() {
        return layers(CORE);
    }

    /** The layers of the packages under {@code root} (the core, or a fixture laid out like it). */
    private static Architectures.LayeredArchitecture layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy(root + ".model..")
                .layer("Binary").definedBy(root + ".binary..")
                .layer("Types").definedBy(root + ".types..")
                .layer("Gc").definedBy(root + ".gc..")
                .layer("Validate").definedBy(root + ".validate..")
                .layer("Lower").definedBy(root + ".lower..")
                .layer("Runtime").definedBy(root + ".runtime..")
                .layer("Interp").definedBy(root + ".interp..")
                .layer("Tier").definedBy(root + ".tier..")
                .layer("Api").definedBy(facades())
                .layer("Sandbox").definedBy(root + ".sandbox..")
                .layer("Sysenv").definedBy(root + ".sysenv..")
                .layer("Wasi").definedBy(root + ".wasi..")
                .layer("Run").definedBy(root + ".run..")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Binary").mayOnlyAccessLayers("Model")
                .whereLayer("Types").mayOnlyAccessLayers("Model")
                .whereLayer("Gc").mayOnlyAccessLayers("Model")
                .whereLayer("Validate").mayOnlyAccessLayers("Model", "Binary", "Types")
                .whereLayer("Lower").mayOnlyAccessLayers("Model", "Binary", "Types", "Gc")
                .whereLayer("Runtime").mayOnlyAccessLayers("Model", "Types", "Gc", "Lower")
                .whereLayer("Interp").mayOnlyAccessLayers("Model", "Binary", "Types", "Gc", "Lower", "Runtime")
                .whereLayer("Tier").mayOnlyAccessLayers("Model", "Binary", "Types", "Gc", "Lower", "Runtime", "Interp")
                .whereLayer("Api").mayOnlyAccessLayers("Model", "Binary", "Types", "Gc", "Validate", "Lower", "Runtime",
                        "Interp", "Tier")
                .whereLayer("Sandbox").mayNotAccessAnyLayer()
                .whereLayer("Sysenv").mayOnlyAccessLayers("Model", "Api", "Sandbox")
                .whereLayer("Wasi").mayOnlyAccessLayers("Model", "Api", "Sandbox")
                .whereLayer("Run").mayOnlyAccessLayers("Model", "Gc", "Api", "Sandbox", "Sysenv", "Wasi");
    }

    /** The façades of the root package (and, for the fixture, the store it uses). */
    private static DescribedPredicate<JavaClass> facades() {
        return DescribedPredicate.describe("the public façades " + FACADES,
                c -> c.getPackageName().equals(CORE) && FACADES.contains(c.getSimpleName().split("\\$")[0]));
    }

    /** Every package below the root one is a slice; the root package's vocabulary and façades are checked by the layers. */
    private static ArchRule internalPackagesFreeOfCycles() {
        return slices().matching(CORE + ".(*)..").should().beFreeOfCycles();
    }
}
