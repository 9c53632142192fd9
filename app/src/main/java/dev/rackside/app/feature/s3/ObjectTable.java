package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;

/// The object table: virtualised rows of the current location, the next page fetched when the
/// operator scrolls to the end, folders entered with a double-click or Enter, Backspace going up,
/// files and folders dropped from the desktop uploaded (onto a folder row: into that folder).
final class ObjectTable {
    private static final javafx.css.PseudoClass DROP_TARGET = javafx.css.PseudoClass.getPseudoClass("drop-target");
    static final String ID = "s3-objects";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final S3BrowserViewModel vm;
    private final Messages text;
    private final Sizes sizes;
    private final TableView<ObjectRow> table = new TableView<>();

    /// @param drop   uploads dropped files; the row is the folder they were dropped on, or null
    /// @param object what Enter or a double-click on an object does (show its metadata)
    ObjectTable(S3BrowserViewModel vm, Messages text, BiConsumer<List<Path>, ObjectRow> drop, Consumer<ObjectRow> object,
                Runnable delete, ContextMenu menu) {
        this.vm = vm;
        this.text = text;
        this.sizes = new Sizes(text);
        table.setId(ID);
        // A quiet reload replaces every row at once (new row objects for the same keys): the selection
        // is noted before the table's selection model drops it, and selected again by key after.
        java.util.Set<String> selected = new java.util.HashSet<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<ObjectRow>) c -> {
            selected.clear();
            if (c.next() && c.wasReplaced() && c.getFrom() == 0) {
                table.getSelectionModel().getSelectedItems().forEach(r -> selected.add(r.key()));
            }
        });
        table.setItems(vm.rows());
        vm.rows().addListener((javafx.collections.ListChangeListener<ObjectRow>) c -> {
            if (!selected.isEmpty()) {
                for (int i = 0; i < vm.rows().size(); i++) {
                    if (selected.contains(vm.rows().get(i).key())) {
                        table.getSelectionModel().select(i);
                    }
                }
                selected.clear();
            }
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.DENSE, "s3-objects");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setContextMenu(menu);
        table.getColumns().add(nameColumn());
        table.getColumns().add(column("column.size", 75, r -> r.isFolder() ? "" : sizes.bytes(r.size())));
        table.getColumns().add(column("column.modified", 150, r -> r.modified().map(TIME::format).orElse("")));
        table.getColumns().add(column("column.storageClass", 110, ObjectRow::storageClass));
        table.getColumns().add(checksumColumn());
        table.getColumns().forEach(c -> c.setSortable(false)); // rows arrive page by page in the server's key order

        table.setRowFactory(t -> {
            TableRow<ObjectRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem(), object);
                }
            });
            row.setOnDragOver(e -> {
                if (acceptsDrop(e) && !row.isEmpty() && row.getItem().isFolder()) {
                    e.acceptTransferModes(TransferMode.COPY);
                    e.consume();
                }
            });
            // The folder under the pointer lights up, so the operator sees where the drop will land.
            row.setOnDragEntered(e -> row.pseudoClassStateChanged(DROP_TARGET,
                    acceptsDrop(e) && !row.isEmpty() && row.getItem().isFolder()));
            row.setOnDragExited(e -> row.pseudoClassStateChanged(DROP_TARGET, false));
            row.setOnDragDropped(e -> {
                if (!row.isEmpty() && row.getItem().isFolder() && e.getDragboard().hasFiles()) {
                    drop.accept(paths(e.getDragboard().getFiles()), row.getItem());
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
            return row;
        });
        table.setOnDragEntered(e -> table.pseudoClassStateChanged(DROP_TARGET, acceptsDrop(e)));
        table.setOnDragExited(e -> table.pseudoClassStateChanged(DROP_TARGET, false));
        table.setOnDragOver(e -> {
            if (acceptsDrop(e)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        table.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                drop.accept(paths(e.getDragboard().getFiles()), null);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(table.getSelectionModel().getSelectedItem(), object);
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE
                    || e.isAltDown() && !e.isControlDown() && !e.isShiftDown() && !e.isMetaDown()
                    && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.LEFT)) {
                vm.up();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                delete.run();
                e.consume();
            }
        });
        // The next page is fetched as the operator nears the end of what is loaded.
        table.skinProperty().addListener((o, a, skin) -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL)
                .map(ScrollBar.class::cast).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ov, was, now) -> {
                    if (now.doubleValue() >= bar.getMax() * 0.95 && vm.hasMoreProperty().get()) {
                        vm.loadMore();
                    }
                })));
    }

    TableView<ObjectRow> node() {
        return table;
    }

    List<ObjectRow> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void open(ObjectRow row, Consumer<ObjectRow> object) {
        if (row == null) {
            return;
        }
        if (row.isFolder()) {
            vm.enter(row);
        } else {
            object.accept(row);
        }
    }

    private boolean acceptsDrop(DragEvent e) {
        return e.getGestureSource() == null && e.getDragboard().hasFiles() && vm.bucketProperty().get() != null;
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    private TableColumn<ObjectRow, ObjectRow> nameColumn() {
        TableColumn<ObjectRow, ObjectRow> c = new TableColumn<>(text.get("column.name"));
        c.setPrefWidth(300);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Region icon = new Region();
            private final Label label = new Label();

            {
                label.setGraphic(icon);
            }

            @Override
            protected void updateItem(ObjectRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                icon.getStyleClass().setAll("s3-icon", r.isFolder() ? "s3-folder" : "s3-file");
                label.setText(r.name());
                label.getStyleClass().setAll("label");
                if (r.isFolder()) {
                    label.getStyleClass().add(Styles.TEXT_BOLD);
                }
                setGraphic(label);
            }
        });
        return c;
    }

    private TableColumn<ObjectRow, ChecksumState> checksumColumn() {
        TableColumn<ObjectRow, ChecksumState> c = new TableColumn<>(text.get("column.checksum"));
        c.setPrefWidth(110);
        c.setCellValueFactory(d -> d.getValue().checksumProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(ChecksumState state, boolean empty) {
                super.updateItem(state, empty);
                // The row's own item can still be unset when a fresh cell is first filled; the index is not.
                int i = getIndex();
                ObjectRow r = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
                if (state == null || r == null) {
                    setGraphic(null);
                    return;
                }
                if (state == ChecksumState.UNKNOWN) {
                    vm.checkChecksum(r); // one HEAD, only for rows that are actually on screen
                }
                label.setText(text.get("checksum." + state.name()));
                label.getStyleClass().setAll("label", state.verified() ? Styles.SUCCESS : Styles.TEXT_MUTED);
                setGraphic(label);
            }
        });
        return c;
    }

    private TableColumn<ObjectRow, String> column(String key, double width, Function<ObjectRow, String> value) {
        TableColumn<ObjectRow, String> c = new TableColumn<>(text.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
