package org.diffuson.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The package layering of the developer guide, enforced on the main classes:
 * linalg → model → integrate → green → physics (ladder, kubo, boltzmann, and the packages of seeds 001, 003, 004:
 * scattering, kinetic, usadel, gauge) → sweep, compare, pipeline, plot, table, paper → kernel; every package is in
 * a layer ({@link #everyPackageBelongsToALayer}). Each layer uses only the layers
 * below it; within the physics layer kubo may use ladder, kinetic and usadel may use scattering, gauge may use ladder
 * and kubo. Packages that do not exist yet are optional layers, so the rule already holds for the papers that are
 * still being written. The root package (DiffusonException) is usable from everywhere.
 */
class LayeringTest {
    static final String[] PHYSICS = {"org.diffuson.ladder..", "org.diffuson.kubo..", "org.diffuson.boltzmann..",
            "org.diffuson.scattering..", "org.diffuson.kinetic..", "org.diffuson.usadel..", "org.diffuson.gauge.."};
    static final String[] CORE = {"org.diffuson.linalg..", "org.diffuson.model..", "org.diffuson.integrate..", "org.diffuson.green.."};
    /** Above both engines: sweeps, the Kubo-vs-Boltzmann comparison, the model → Σ → ladder → response pipeline, views. */
    static final String[] UPPER = {"org.diffuson.sweep..", "org.diffuson.compare..", "org.diffuson.pipeline..", "org.diffuson.plot..",
            "org.diffuson.paper..", "org.diffuson.table.."};

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.diffuson");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelow() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy("org.diffuson")
                .layer("Linalg").definedBy("org.diffuson.linalg..")
                .layer("Model").definedBy("org.diffuson.model..")
                .layer("Integrate").definedBy("org.diffuson.integrate..")
                .layer("Green").definedBy("org.diffuson.green..")
                .layer("Ladder").definedBy("org.diffuson.ladder..")
                .layer("Kubo").definedBy("org.diffuson.kubo..")
                .layer("Boltzmann").definedBy("org.diffuson.boltzmann..")
                .optionalLayer("Scattering").definedBy("org.diffuson.scattering..")
                .optionalLayer("Kinetic").definedBy("org.diffuson.kinetic..")
                .optionalLayer("Usadel").definedBy("org.diffuson.usadel..")
                .optionalLayer("Gauge").definedBy("org.diffuson.gauge..")
                .layer("Upper").definedBy(UPPER)
                .layer("Kernel").definedBy("org.diffuson.kernel..")
                .whereLayer("Root").mayNotAccessAnyLayer()
                .whereLayer("Linalg").mayOnlyAccessLayers("Root")
                .whereLayer("Model").mayOnlyAccessLayers("Root", "Linalg")
                .whereLayer("Integrate").mayOnlyAccessLayers("Root", "Linalg", "Model")
                .whereLayer("Green").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate")
                .whereLayer("Ladder").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green")
                .whereLayer("Kubo").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green", "Ladder")
                .whereLayer("Boltzmann").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green")
                .whereLayer("Scattering").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green")
                .whereLayer("Kinetic").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green", "Scattering")
                .whereLayer("Usadel").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green", "Scattering")
                .whereLayer("Gauge").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green", "Ladder", "Kubo")
                .whereLayer("Upper").mayOnlyAccessLayers("Root", "Linalg", "Model", "Integrate", "Green", "Ladder", "Kubo",
                        "Boltzmann", "Scattering", "Kinetic", "Usadel", "Gauge", "Upper")
                .whereLayer("Kernel").mayNotBeAccessedByAnyLayer();
        layers.check(classes);
    }

    @Test
    void everyPackageBelongsToALayer() {
        // consideringOnlyDependenciesInLayers ignores classes outside the layers: a new package must be given a layer
        classes().should().resideInAnyPackage(concat(new String[]{"org.diffuson", "org.diffuson.kernel.."}, concat(CORE, concat(PHYSICS, UPPER))))
                .because("a package outside every layer would escape the layering rule; add it to LayeringTest")
                .check(classes);
    }

    @Test
    void physicsAndCoreDoNotImportTablesChartsOrTheKernel() {
        noClasses().that().resideInAnyPackage(concat(concat(CORE, PHYSICS), new String[]{"org.diffuson.pipeline.."}))
                .should().dependOnClassesThat().resideInAnyPackage("tech.tablesaw..", "org.knowm.xchart..", "de.erichseifert..",
                        "org.dflib..", "org.zeromq..", "com.google.gson..", "org.diffuson.kernel..")
                .because("table and chart views of results live in the table/plot layer; library users must not need the kernel")
                .check(classes);
    }

    @Test
    void onlyTheKernelUsesTheJupyterStack() {
        noClasses().that().resideOutsideOfPackage("org.diffuson.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.dflib..", "org.zeromq..", "com.google.gson..", "org.slf4j..")
                .because("jjava-jupyter and slf4j-nop are optional dependencies, shaded into the kernel jar only")
                .check(classes);
    }

    static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
