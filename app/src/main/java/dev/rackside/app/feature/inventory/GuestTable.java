package dev.rackside.app.feature.inventory;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.GuestType;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/// The guest table: sortable, multi-select, cells bound to the live row properties.
final class GuestTable {
    private final InventoryViewModel vm;
    private final Messages m;
    private final TableView<GuestRow> table = new TableView<>();
    private final SortedList<GuestRow> sorted;
    private final java.util.Set<TableColumn<GuestRow, ?>> liveColumns = new java.util.HashSet<>();
    private final java.util.Map<TableColumn<GuestRow, ?>, Comparator<GuestRow>> keys = new java.util.HashMap<>();
    private String order = "";

    GuestTable(InventoryViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        sorted = new SortedList<>(vm.visibleGuests());
        // The sorted list gets a comparator built from direct property reads (the columns' own
        // comparators go through the cell value factories on every comparison). Sorting by CPU,
        // memory or uptime must follow metrics that change without list events, so after each
        // refresh such a sort gets a fresh comparator: one re-sort, a permutation that keeps selection.
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(this::comparator,
                table.comparatorProperty(), vm.lastRefreshProperty()));
        table.setSortPolicy(t -> true);
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        // Natural widths and a horizontal scroll bar: squeezing eleven columns into the free width
        // truncated every value, which is worse for an operator than scrolling.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().addAll(List.of(statusColumn(), column("column.vmid", 70, r -> r.vmid()),
                text("column.name", 180, GuestRow::nameProperty), typeColumn(),
                text("column.node", 90, GuestRow::nodeProperty), usage("column.cpu", true),
                usage("column.memory", false), uptimeColumn(), tagsColumn(),
                text("column.pool", 80, GuestRow::poolProperty), text("column.ha", 70, GuestRow::haStateProperty)));
        table.setRowFactory(t -> new StaleAwareRow());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<GuestRow>) c ->
                vm.selection().setAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.showGuest(b);
            }
        });
    }

    private Comparator<? super GuestRow> comparator() {
        Comparator<GuestRow> c = null;
        boolean live = false;
        for (TableColumn<GuestRow, ?> col : table.getSortOrder()) {
            Comparator<GuestRow> k = keys.get(col);
            if (k == null) {
                continue;
            }
            live |= liveColumns.contains(col);
            k = col.getSortType() == TableColumn.SortType.DESCENDING ? k.reversed() : k;
            c = c == null ? k : c.thenComparing(k);
        }
        if (c == null) {
            return null;
        }
        String key = orderKey();
        if (!live && key.equals(order) && sorted.getComparator() != null) {
            return sorted.getComparator(); // a refresh cannot have reordered anything: no re-sort
        }
        order = key;
        return c;
    }

    private String orderKey() {
        StringBuilder sb = new StringBuilder();
        table.getSortOrder().forEach(col -> sb.append(System.identityHashCode(col)).append(col.getSortType()).append(';'));
        return sb.toString();
    }

    TableView<GuestRow> table() {
        return table;
    }

    void select(GuestRow row) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(row);
        table.scrollTo(row);
    }

    private TableColumn<GuestRow, String> statusColumn() {
        TableColumn<GuestRow, String> col = new TableColumn<>(m.get("column.status"));
        col.setPrefWidth(110);
        col.setCellValueFactory(c -> c.getValue().statusProperty());
        keys.put(col, Comparator.comparing(GuestRow::status));
        col.setCellFactory(c -> new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    setGraphic(null);
                } else {
                    Chips.status(label, status, m);
                    setGraphic(label);
                }
            }
        });
        return col;
    }

    private TableColumn<GuestRow, GuestType> typeColumn() {
        TableColumn<GuestRow, GuestType> col = new TableColumn<>(m.get("column.type"));
        col.setPrefWidth(70);
        col.setCellValueFactory(c -> c.getValue().typeProperty());
        keys.put(col, Comparator.comparing((GuestRow r) -> r.templateProperty().get()).thenComparing(r -> r.typeProperty().get()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(GuestType t, boolean empty) {
                super.updateItem(t, empty);
                GuestRow row = empty ? null : getTableRow().getItem();
                setText(row == null || t == null ? null : row.templateProperty().get() ? m.get("type.template")
                        : m.get(t == GuestType.QEMU ? "type.qemu" : "type.lxc"));
            }
        });
        return col;
    }

    private TableColumn<GuestRow, String> text(String key, double width, Function<GuestRow, ObservableValue<String>> value) {
        TableColumn<GuestRow, String> col = new TableColumn<>(m.get(key));
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> value.apply(c.getValue()));
        keys.put(col, Comparator.comparing(r -> value.apply(r).getValue(), String.CASE_INSENSITIVE_ORDER));
        return col;
    }

    private TableColumn<GuestRow, Integer> column(String key, double width, Function<GuestRow, Integer> value) {
        TableColumn<GuestRow, Integer> col = new TableColumn<>(m.get(key));
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        keys.put(col, Comparator.comparing(value));
        return col;
    }

    /// CPU (fraction of the guest's CPUs) or memory (bytes used), as a small bar with the number.
    private TableColumn<GuestRow, Number> usage(String key, boolean cpu) {
        TableColumn<GuestRow, Number> col = new TableColumn<>(m.get(key));
        col.setPrefWidth(cpu ? 120 : 170);
        col.setCellValueFactory(c -> cpu ? c.getValue().cpuProperty() : c.getValue().memProperty());
        liveColumns.add(col);
        keys.put(col, cpu ? Comparator.comparingDouble(r -> r.cpuProperty().get()) : Comparator.comparingLong(r -> r.memProperty().get()));
        col.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final HBox box = new HBox(6, bar, label);

            {
                bar.getStyleClass().add(Styles.SMALL);
                bar.setPrefWidth(50);
                label.getStyleClass().add(Styles.TEXT_SMALL);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                GuestRow row = empty ? null : getTableRow().getItem();
                if (row == null || v == null || !(row.running() || row.paused())) {
                    setGraphic(null);
                    return;
                }
                double ratio = cpu ? v.doubleValue() : Format.ratio(v.longValue(), row.maxmemProperty().get());
                bar.setProgress(ratio);
                label.setText(cpu ? Format.percent(ratio)
                        : m.get("usage.bytes", Format.bytes(v.longValue()), Format.bytes(row.maxmemProperty().get())));
                setGraphic(box);
            }
        });
        return col;
    }

    private TableColumn<GuestRow, Number> uptimeColumn() {
        TableColumn<GuestRow, Number> col = new TableColumn<>(m.get("column.uptime"));
        col.setPrefWidth(80);
        col.setCellValueFactory(c -> c.getValue().uptimeProperty());
        liveColumns.add(col);
        keys.put(col, Comparator.comparingLong(r -> r.uptimeProperty().get()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Format.uptime(v.longValue()));
            }
        });
        return col;
    }

    private TableColumn<GuestRow, List<String>> tagsColumn() {
        TableColumn<GuestRow, List<String>> col = new TableColumn<>(m.get("column.tags"));
        col.setPrefWidth(160);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tags()));
        col.setComparator(Comparator.comparing(l -> String.join(",", l)));
        keys.put(col, Comparator.comparing(r -> String.join(",", r.tags())));
        col.setCellFactory(c -> new TableCell<>() {
            // Tags are an observable list: the cell listens to its row's list while showing it.
            private final ListChangeListener<String> onChange = ch -> render();
            private List<String> shown;

            @Override
            protected void updateItem(List<String> tags, boolean empty) {
                super.updateItem(tags, empty);
                if (shown instanceof javafx.collections.ObservableList<String> o) {
                    o.removeListener(onChange);
                }
                shown = empty ? null : tags;
                if (shown instanceof javafx.collections.ObservableList<String> o) {
                    o.addListener(onChange);
                }
                render();
            }

            private void render() {
                setGraphic(shown == null || shown.isEmpty() ? null : Chips.tags(shown));
            }
        });
        return col;
    }

    /// Dims rows that show the last known state of an unreachable cluster.
    private static final class StaleAwareRow extends TableRow<GuestRow> {
        private final ChangeListener<Boolean> onStale = (o, a, b) -> setOpacity(b ? 0.55 : 1);
        private GuestRow watched;

        @Override
        protected void updateItem(GuestRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.staleProperty().removeListener(onStale);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.staleProperty().addListener(onStale);
            }
            setOpacity(watched != null && watched.staleProperty().get() ? 0.55 : 1);
        }
    }
}
