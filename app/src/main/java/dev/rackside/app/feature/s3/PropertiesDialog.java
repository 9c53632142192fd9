package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.feature.s3.ObjectPropertiesViewModel.TagsState;
import dev.rackside.app.fx.Messages;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// "Properties…" of one object: content type, user metadata and tags, edited in place and saved
/// in the background; the dialog closes once the server took the change.
final class PropertiesDialog {
    static final String ID = "s3-properties";

    private PropertiesDialog() {
    }

    static void show(ObjectPropertiesViewModel vm, Messages text, Window owner) {
        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(text.get("props.title"));
        d.setHeaderText(vm.key());
        d.setResizable(true);
        d.getDialogPane().setId(ID);
        ButtonType save = new ButtonType(text.get("props.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);

        TextField type = new TextField();
        type.setId("s3-props-content-type");
        type.textProperty().bindBidirectional(vm.contentTypeProperty());
        HBox typeRow = new HBox(8, new Label(text.get("meta.contentType")), type);
        typeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(type, javafx.scene.layout.Priority.ALWAYS);

        KeyValueEditor meta = new KeyValueEditor(vm.metadata(), vm::remove, "s3-meta",
                text.get("props.name"), text.get("props.value"), text.get("props.remove"));
        Button addMeta = new Button(text.get("props.addMetadata"));
        addMeta.setId("s3-props-add-metadata");
        addMeta.setOnAction(e -> meta.add(vm::addMetadata));
        Label metaNote = DialogParts.note(text.get("props.reservedNote"));

        KeyValueEditor tags = new KeyValueEditor(vm.tags(), vm::remove, "s3-tag",
                text.get("props.tagKey"), text.get("props.value"), text.get("props.remove"));
        Button addTag = new Button(text.get("props.addTag"));
        addTag.setOnAction(e -> tags.add(vm::addTag));
        addTag.disableProperty().bind(vm.tagsStateProperty().isNotEqualTo(TagsState.LOADED)
                .or(Bindings.size(vm.tags()).greaterThanOrEqualTo(PropertyRules.MAX_TAGS)));
        Label tagsNote = DialogParts.note("");
        tagsNote.setId("s3-props-tags-note");
        tagsNote.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.tagsStateProperty().get()) {
            case LOADING -> text.get("objects.loading");
            case LOADED -> text.get("props.tags.limits", PropertyRules.MAX_TAGS);
            case UNSUPPORTED, FAILED -> vm.tagsMessageProperty().get();
        }, vm.tagsStateProperty(), vm.tagsMessageProperty()));
        tags.node().visibleProperty().bind(vm.tagsStateProperty().isEqualTo(TagsState.LOADED));
        tags.node().managedProperty().bind(tags.node().visibleProperty());

        Label problem = new Label();
        problem.setId("s3-props-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());

        VBox box = new VBox(8, typeRow, DialogParts.section(text.get("props.metadata")), meta.node(), new HBox(8, addMeta, metaNote),
                DialogParts.section(text.get("props.tags")), tagsNote, tags.node(), addTag, problem);
        // No padding set here: the theme's 1em around a dialog's content applies only while none is set.
        box.setPrefWidth(620);
        d.getDialogPane().setContent(box);

        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(vm.loadedProperty().not().or(vm.savingProperty())
                .or(vm.problemProperty().isNotEmpty()));
        // the dialog stays open while saving and if the server refuses, so nothing typed is lost
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(d::close);
        });
        d.setOnShown(e -> type.requestFocus());
        vm.load();
        d.show();
    }
}
