package dev.rackside.proxmox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/// The library's boundaries (STYLE.md): no toolkit, no console output, no package cycles, and a
/// model that does not reach into the transport.
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rackside.proxmox");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CLASSES);
    }

    @Test
    void noConsoleOutput() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("libraries log through System.Logger").check(CLASSES);
    }

    @Test
    void modelIsPlainData() {
        noClasses().that().resideInAPackage("dev.rackside.proxmox.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.rackside.proxmox.internal..", "okhttp3..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.rackside.proxmox.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void clientDoesNotDependOnTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.rackside.pvesim..").check(CLASSES);
    }
}
