package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.feature.s3.ObjectPropertiesViewModel.Entry;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/// Name/value lines as text fields (Tab walks through them, nothing is lost on a click elsewhere,
/// unlike table cells in edit mode), each with a remove button; read-only lines have neither.
final class KeyValueEditor {
    private final GridPane grid = new GridPane(6, 4);
    private final ScrollPane scroll = new ScrollPane(grid);
    private final ObservableList<Entry> entries;
    private final Consumer<Entry> remove;
    private final String idPrefix;
    private final String removeText;

    KeyValueEditor(ObservableList<Entry> entries, Consumer<Entry> remove, String idPrefix, String nameHeader,
                   String valueHeader, String removeText) {
        this.entries = entries;
        this.remove = remove;
        this.idPrefix = idPrefix;
        this.removeText = removeText;
        Label name = new Label(nameHeader);
        Label value = new Label(valueHeader);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        value.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(0, name, value);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(150);
        // typing changes an entry too (the list's extractor); only added or removed lines rebuild
        entries.addListener((ListChangeListener<Entry>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();
    }

    Node node() {
        return scroll;
    }

    /// Adds a line with `add` and puts the cursor in its name.
    void add(Supplier<Entry> add) {
        Entry e = add.get();
        if (e != null) {
            int row = entries.indexOf(e);
            Platform.runLater(() -> grid.lookup("#" + idPrefix + "-name-" + row).requestFocus());
        }
    }

    private void rebuild() {
        grid.getChildren().removeIf(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) > 0);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            TextField name = field(e, e.nameProperty(), idPrefix + "-name-" + i, 16);
            TextField value = field(e, e.valueProperty(), idPrefix + "-value-" + i, 28);
            GridPane.setHgrow(value, Priority.ALWAYS);
            grid.addRow(i + 1, name, value);
            if (!e.readOnly()) {
                Button x = new Button("✕");
                x.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                x.setTooltip(new Tooltip(removeText));
                x.setAccessibleText(removeText);
                x.setOnAction(ev -> remove.accept(e));
                grid.add(x, 2, i + 1);
            }
        }
    }

    private static TextField field(Entry e, javafx.beans.property.StringProperty p, String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        f.setEditable(!e.readOnly());
        if (e.readOnly()) {
            f.getStyleClass().add(Styles.TEXT_MUTED);
        }
        return f;
    }
}
