package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import dev.rackside.s3.ObjectVersion;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/// The objects' context menu, also the toolbar's "More" menu: the same items, built once for each
/// (a menu item belongs to one menu). Items that need a selection are disabled without one.
final class ObjectMenu {
    private final S3BrowserViewModel vm;
    private final ObjectTable table;
    private final Messages text;
    private final S3Dialogs prompts;
    private final InfoDialogs info;
    private final FolderPicker picker;
    private final Supplier<Window> owner;
    private final Consumer<String> clipboard;
    private final Runnable delete;

    ObjectMenu(S3BrowserViewModel vm, ObjectTable table, Messages text, S3Dialogs prompts, InfoDialogs info,
               FolderPicker picker, Supplier<Window> owner, Consumer<String> clipboard, Runnable delete) {
        this.vm = vm;
        this.table = table;
        this.text = text;
        this.prompts = prompts;
        this.info = info;
        this.picker = picker;
        this.owner = owner;
        this.clipboard = clipboard;
        this.delete = delete;
    }

    List<MenuItem> items() {
        TableView<ObjectRow> t = table.node();
        var selected = t.getSelectionModel().getSelectedItems();
        BooleanBinding none = Bindings.isEmpty(selected);
        // Rename and the per-object views work on one item: offered for exactly one, so that 30
        // selected objects never quietly become the first of them.
        BooleanBinding notOne = Bindings.size(selected).isNotEqualTo(1);
        BooleanBinding notOneObject = Bindings.createBooleanBinding(
                () -> selected.size() != 1 || selected.getFirst().isFolder(), selected);
        return List.of(
                item("action.download", none, () -> vm.actions().download(table.selection(), picker, prompts)),
                // Several items are copied or moved into one folder, keeping their names.
                item("action.copy", none, () -> vm.actions().transfer(table.selection(), S3Prompts.TargetKind.COPY, prompts)),
                item("action.move", none, () -> vm.actions().transfer(table.selection(), S3Prompts.TargetKind.MOVE, prompts)),
                item("action.rename", notOne, () -> vm.actions().transfer(first(), S3Prompts.TargetKind.RENAME, prompts)),
                item("action.link", notOneObject, () -> vm.actions().shareLink(first(), prompts, clipboard)),
                // an upload link names a key that need not exist yet: no selection needed
                item("action.uploadLink", vm.bucketProperty().isNull(), () -> vm.actions().uploadLink(first(), prompts, clipboard)),
                new SeparatorMenuItem(),
                item("action.versions", notOneObject, this::showVersions),
                item("action.metadata", notOneObject, () -> vm.actions().metadata(first(), info::showMetadata)),
                item("action.properties", notOneObject, this::showProperties),
                new SeparatorMenuItem(),
                item("action.delete", none, delete));
    }

    private void showVersions() {
        ObjectRow r = first();
        vm.actions().versions(r, versions -> {
            // the dialog's refresher exists only once it is shown; a restore asks for it later
            List<Consumer<List<ObjectVersion>>> refresh = new java.util.ArrayList<>(1);
            refresh.add(info.showVersions(r.key(), versions, chosen ->
                    vm.actions().restoreVersion(chosen, prompts, () -> vm.actions().versions(r, refresh.getFirst()))));
        });
    }

    private void showProperties() {
        ObjectPropertiesViewModel props = vm.actions().properties(first());
        if (props != null) {
            PropertiesDialog.show(props, text, owner.get());
        }
    }

    private ObjectRow first() {
        List<ObjectRow> sel = table.selection();
        return sel.isEmpty() ? null : sel.getFirst();
    }

    private MenuItem item(String key, javafx.beans.value.ObservableBooleanValue disabled, Runnable action) {
        MenuItem i = new MenuItem(text.get(key));
        i.disableProperty().bind(disabled);
        i.setOnAction(e -> action.run());
        return i;
    }
}
