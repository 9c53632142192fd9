package dev.rackside.app.feature.inventory;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/// The guest list under node, pool or tag headings, shown instead of the table while grouping is on.
final class GroupedGuestList {
    private final InventoryViewModel vm;
    private final Messages m;
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final Set<String> collapsed = new HashSet<>();
    private boolean rebuildQueued;

    GroupedGuestList(InventoryViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        tree.setShowRoot(false);
        tree.getStyleClass().add(Styles.DENSE);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(t -> new Cell());
        vm.groupByProperty().addListener((o, a, b) -> {
            collapsed.clear();
            queueRebuild();
        });
        // Membership and headings change only with list events (filters, status, tags); moving
        // metrics repaint the visible cells instead.
        vm.visibleGuests().addListener((ListChangeListener<GuestRow>) c -> queueRebuild());
        vm.lastRefreshProperty().addListener((o, a, b) -> tree.refresh());
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<Object>>) c -> {
            List<GuestRow> rows = tree.getSelectionModel().getSelectedItems().stream()
                    .filter(i -> i != null && i.getValue() instanceof GuestRow).map(i -> (GuestRow) i.getValue())
                    .distinct().toList();
            vm.selection().setAll(rows);
            if (rows.size() == 1) {
                vm.showGuest(rows.getFirst());
            }
        });
        rebuild();
    }

    TreeView<Object> view() {
        return tree;
    }

    private void queueRebuild() {
        if (vm.groupByProperty().get() == GroupBy.NONE || rebuildQueued) {
            return;
        }
        rebuildQueued = true;
        // one rebuild per burst of list changes (a refresh may flip many statuses at once)
        Platform.runLater(this::rebuild);
    }

    private void rebuild() {
        rebuildQueued = false;
        if (vm.groupByProperty().get() == GroupBy.NONE) {
            tree.getRoot().getChildren().clear();
            return;
        }
        for (TreeItem<Object> g : tree.getRoot().getChildren()) {
            String key = ((GuestGroup) g.getValue()).key();
            if (g.isExpanded()) {
                collapsed.remove(key);
            } else {
                collapsed.add(key);
            }
        }
        Set<GuestRow> selected = new HashSet<>(vm.selection());
        List<TreeItem<Object>> groups = vm.groups().stream().map(g -> {
            TreeItem<Object> item = new TreeItem<>(g);
            item.setExpanded(!collapsed.contains(g.key()));
            g.guests().forEach(r -> item.getChildren().add(new TreeItem<>(r)));
            return item;
        }).toList();
        tree.getRoot().getChildren().setAll(groups);
        for (TreeItem<Object> g : groups) {
            for (TreeItem<Object> r : g.getChildren()) {
                if (selected.contains(r.getValue())) {
                    tree.getSelectionModel().select(r);
                }
            }
        }
    }

    private final class Cell extends TreeCell<Object> {
        private final Label status = new Label();

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            setGraphic(null);
            switch (v) {
                case null -> setText(null);
                case GuestGroup g -> setText(m.get("group.header", heading(g.key()), Integer.toString(g.guests().size())));
                case GuestRow r -> {
                    Chips.status(status, r.status(), m);
                    setGraphic(status);
                    setText(r.vmid() + "  " + r.nameProperty().get() + "  \u00b7  " + r.nodeProperty().get()
                            + (r.running() ? "  \u00b7  " + Format.percent(r.cpuProperty().get()) : ""));
                }
                default -> setText(v.toString());
            }
            if (empty) {
                setText(null);
                setGraphic(null);
            }
        }

        private String heading(String key) {
            if (!key.isEmpty()) {
                return key;
            }
            return m.get(vm.groupByProperty().get() == GroupBy.TAG ? "group.notag" : "group.nopool");
        }
    }
}
