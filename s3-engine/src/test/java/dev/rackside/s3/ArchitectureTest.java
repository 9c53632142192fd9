package dev.rackside.s3;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/// The library's boundaries (STYLE.md): no toolkit, console output only in the CLI, and the
/// SDK's types stay out of the public API's signatures.
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rackside.s3");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CLASSES);
    }

    @Test
    void consoleOutputOnlyInTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.rackside.s3.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("libraries log through System.Logger").check(CLASSES);
    }

    @Test
    void internalsAreNotUsedByTheCli() {
        noClasses().that().resideInAPackage("dev.rackside.s3.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.rackside.s3.internal..").check(CLASSES);
    }

    @Test
    void publicApiDoesNotExposeTheSdk() {
        classes().that().resideInAPackage("dev.rackside.s3").and().arePublic()
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("software.amazon..")
                .check(CLASSES);
    }
}
