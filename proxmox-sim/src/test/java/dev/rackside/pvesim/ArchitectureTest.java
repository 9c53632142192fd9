package dev.rackside.pvesim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/// The simulator's boundaries: no toolkit, console output only from the launcher, no package
/// cycles, and independence from the client it is meant to test (a simulator sharing the client's
/// model would agree with the client's bugs).
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rackside.pvesim");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CLASSES);
    }

    @Test
    void onlyTheLauncherPrints() {
        noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CLASSES);
    }

    @Test
    void independentOfTheClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.rackside.proxmox..").check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.rackside.pvesim.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
