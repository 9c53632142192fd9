package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.ObjectVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/// Dialogs that show: an object's metadata, and its versions (with a restore).
final class InfoDialogs {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final Messages text;
    private final Supplier<Window> owner;
    private final Sizes sizes;

    InfoDialogs(Messages text, Supplier<Window> owner) {
        this.text = text;
        this.owner = owner;
        this.sizes = new Sizes(text);
    }

    void showMetadata(ObjectMetadata m) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put(text.get("meta.key"), m.key());
        fields.put(text.get("meta.size"), sizes.bytes(m.size()) + " (" + m.size() + ")");
        fields.put(text.get("meta.modified"), m.lastModified() == null ? "" : TIME.format(m.lastModified()));
        fields.put(text.get("meta.contentType"), String.valueOf(m.contentType()));
        fields.put(text.get("meta.etag"), String.valueOf(m.etag()));
        fields.put(text.get("meta.sha256"), m.sha256().orElse("—"));
        fields.put(text.get("meta.checkedBy"), text.get("checksum." + ChecksumState.of(m).name()));
        fields.put(text.get("meta.version"), m.versionId().orElse("—"));
        fields.put(text.get("meta.encryption"), m.serverSideEncryption().orElse("—"));
        fields.put(text.get("meta.clientSide"), text.get(m.clientSideEncrypted() ? "meta.clientSide.yes" : "meta.clientSide.no"));
        new TreeMap<>(m.userMetadata()).forEach((k, v) -> fields.put("x-amz-meta-" + k, v));
        GridPane grid = new GridPane(12, 6);
        int row = 0;
        for (var e : fields.entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            // read-only text fields, so values (ETag, checksum) can be selected and copied
            TextField value = new TextField(e.getValue());
            value.setEditable(false);
            value.setPrefColumnCount(44);
            grid.addRow(row++, name, value);
        }
        show(text.get("meta.title"), m.key(), grid);
    }

    /// Lists `versions`; "Restore this version" hands the chosen older version to `restore`.
    ///
    /// @return what shows a fresh list (after a restore) in the open dialog
    Consumer<List<ObjectVersion>> showVersions(String key, List<ObjectVersion> versions, Consumer<ObjectVersion> restore) {
        TableView<ObjectVersion> table = new TableView<>();
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label(text.get("versions.none"));
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.getItems().setAll(versions);
        table.getColumns().add(column("versions.modified", 170, v -> TIME.format(v.lastModified())));
        table.getColumns().add(column("versions.size", 90, v -> v.deleteMarker() ? "" : sizes.bytes(v.size())));
        table.getColumns().add(column("versions.kind", 130, v -> text.get(v.deleteMarker() ? "versions.deleteMarker"
                : v.latest() ? "versions.latest" : "versions.older")));
        table.getColumns().add(column("versions.id", 260, ObjectVersion::versionId));
        table.setPrefSize(680, 300);
        Button restoreButton = new Button(text.get("versions.restore"));
        restoreButton.setId("s3-versions-restore");
        // the current version is what a restore would copy it over; a delete marker has no data
        restoreButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ObjectVersion v = table.getSelectionModel().getSelectedItem();
            return v == null || v.latest() || v.deleteMarker();
        }, table.getSelectionModel().selectedItemProperty()));
        restoreButton.setOnAction(e -> restore.accept(table.getSelectionModel().getSelectedItem()));
        Label hint = new Label(text.get("versions.restoreHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox actions = new HBox(8, restoreButton, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        show(text.get("versions.title"), key, new VBox(8, table, actions));
        return table.getItems()::setAll;
    }

    private TableColumn<ObjectVersion, String> column(String key, double width, Function<ObjectVersion, String> value) {
        TableColumn<ObjectVersion, String> c = new TableColumn<>(text.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private void show(String title, String header, javafx.scene.Node content) {
        Dialog<Void> d = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }
}
