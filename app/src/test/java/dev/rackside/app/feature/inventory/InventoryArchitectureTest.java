package dev.rackside.app.feature.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The ViewModel side of the inventory stays free of `javafx.scene`, so it runs without a toolkit.
class InventoryArchitectureTest {
    // Only these build nodes; everything else in the package is ViewModel or model.
    private static final Set<String> VIEW_CLASSES = Set.of("InventoryView", "GuestTable", "ResourceTree", "DetailsPane",
            "GroupedGuestList", "Chips", "ConfirmDialog");

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(InventoryViewModel.class.getPackageName());
        DescribedPredicate<JavaClass> viewModelSide = DescribedPredicate.describe("not a view class",
                c -> !VIEW_CLASSES.contains(c.getSimpleName()) && !VIEW_CLASSES.contains(outerName(c)));
        noClasses().that(viewModelSide).should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    private static String outerName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
