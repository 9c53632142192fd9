package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/// The sidebar's context menu on a bucket: versioning (labelled with what it would do, read as
/// the menu opens), incomplete uploads, delete.
final class BucketMenu {
    private BucketMenu() {
    }

    static ContextMenu create(S3BrowserViewModel vm, ListView<SidebarEntry> sidebar, Messages text, S3Dialogs prompts,
                              FolderPicker picker, Supplier<Window> owner) {
        BucketActions actions = vm.bucketActions();
        MenuItem versioning = new MenuItem();
        versioning.setId("s3-bucket-versioning");
        versioning.textProperty().bind(Bindings.createStringBinding(() -> text.get(switch (actions.versioningProperty().get()) {
            case UNKNOWN -> "versioning.checking";
            case ENABLED -> "versioning.suspendItem";
            case OFF -> "versioning.enableItem";
        }), actions.versioningProperty()));
        versioning.disableProperty().bind(actions.versioningProperty().isEqualTo(BucketActions.Versioning.UNKNOWN));
        versioning.setOnAction(e -> {
            if (selected(sidebar) instanceof SidebarEntry.Bucket b) {
                actions.toggleVersioning(b.session(), b.name(), prompts);
            }
        });
        MenuItem uploads = new MenuItem(text.get("uploads.item"));
        uploads.setOnAction(e -> {
            if (selected(sidebar) instanceof SidebarEntry.Bucket b) {
                IncompleteUploadsDialog.show(actions.incompleteUploads(b.session(), b.name()), prompts, picker, text,
                        owner.get());
            }
        });
        MenuItem delete = new MenuItem(text.get("bucket.delete"));
        delete.setOnAction(e -> {
            if (selected(sidebar) instanceof SidebarEntry.Bucket b) {
                vm.deleteBucket(b.session(), b.name(), prompts);
            }
        });
        ContextMenu menu = new ContextMenu(versioning, uploads, new SeparatorMenuItem(), delete);
        menu.setOnShowing(e -> {
            boolean bucket = selected(sidebar) instanceof SidebarEntry.Bucket;
            uploads.setDisable(!bucket);
            delete.setDisable(!bucket);
            if (selected(sidebar) instanceof SidebarEntry.Bucket b) {
                actions.checkVersioning(b.session(), b.name());
            } else {
                actions.forgetVersioning();
            }
        });
        return menu;
    }

    private static SidebarEntry selected(ListView<SidebarEntry> sidebar) {
        return sidebar.getSelectionModel().getSelectedItem();
    }
}
