package dev.rackside.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/// STYLE.md's boundaries for the app: ViewModels free of `javafx.scene`, no reaching into the
/// libraries' `internal` packages, no console output, features independent of each other.
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rackside.app");

    @Test
    void viewModelsAreToolkitFree() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(APP);
    }

    @Test
    void librariesInternalsAreOffLimits() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.rackside.proxmox.internal..", "dev.rackside.pvesim.internal..")
                .check(APP);
    }

    @Test
    void noConsoleOutput() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(APP);
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        slices().matching("dev.rackside.app.feature.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.rackside.app.feature.tasks"))
                .check(APP);
    }
}
