package dev.rackside.app.feature.inventory;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.rackside.app.fx.Messages;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/// The resource tree: all clusters → datacenter → nodes → guests and storages; datacenter → pools.
///
/// Guests under a node are built only when the node is expanded: a 5,000-guest cluster would
/// otherwise cost thousands of tree items nobody looks at.
final class ResourceTree {
    private final InventoryViewModel vm;
    private final Messages m;
    private final TreeView<Object> tree = new TreeView<>();
    private final TreeItem<Object> root = new TreeItem<>(Scope.ALL);

    /// A label-only tree entry ("Pools").
    private record Folder(String key) {
    }

    ResourceTree(InventoryViewModel vm, Messages m, Consumer<GuestRow> onGuest) {
        this.vm = vm;
        this.m = m;
        root.setExpanded(true);
        tree.setRoot(root);
        tree.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        tree.setCellFactory(t -> new Cell());
        ListChangeListener<Object> rebuild = c -> rebuild();
        vm.clusters().addListener(rebuild);
        vm.nodes().addListener(rebuild);
        vm.pools().addListener(rebuild);
        vm.lastRefreshProperty().addListener((o, a, b) -> {
            syncExpandedNodes(root);
            tree.refresh();
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            Object v = b == null ? null : b.getValue();
            switch (v) {
                case ClusterHealth h -> vm.scopeProperty().set(new Scope.Cluster(h.id()));
                case NodeRow n -> {
                    vm.scopeProperty().set(new Scope.OnNode(n.clusterId(), n.name()));
                    vm.showNode(n);
                }
                case PoolRef p -> vm.scopeProperty().set(new Scope.InPool(p.clusterId(), p.pool()));
                case GuestRow g -> onGuest.accept(g);
                case null, default -> vm.scopeProperty().set(Scope.ALL);
            }
        });
        rebuild();
    }

    TreeView<Object> view() {
        return tree;
    }

    private void rebuild() {
        Object selected = tree.getSelectionModel().getSelectedItem() == null ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        List<TreeItem<Object>> clusters = vm.clusters().stream().map(this::clusterItem).toList();
        root.getChildren().setAll(clusters);
        if (selected != null) {
            find(root, selected).ifPresent(i -> tree.getSelectionModel().select(i));
        }
    }

    private TreeItem<Object> clusterItem(ClusterHealth h) {
        TreeItem<Object> item = new TreeItem<>(h);
        item.setExpanded(true);
        vm.nodes().stream().filter(n -> n.clusterId().equals(h.id())).sorted(java.util.Comparator.comparing(NodeRow::name))
                .forEach(n -> item.getChildren().add(new NodeItem(n)));
        TreeItem<Object> pools = new TreeItem<>(new Folder("tree.pools"));
        vm.pools().stream().filter(p -> p.clusterId().equals(h.id())).sorted(java.util.Comparator.comparing(PoolRef::pool))
                .forEach(p -> pools.getChildren().add(new TreeItem<>(p)));
        if (!pools.getChildren().isEmpty()) {
            item.getChildren().add(pools);
        }
        return item;
    }

    private void syncExpandedNodes(TreeItem<Object> item) {
        for (TreeItem<Object> child : item.getChildren()) {
            if (child instanceof NodeItem n && n.isExpanded()) {
                n.fill();
            } else if (!(child instanceof NodeItem)) {
                syncExpandedNodes(child);
            }
        }
    }

    private static java.util.Optional<TreeItem<Object>> find(TreeItem<Object> item, Object value) {
        if (Objects.equals(item.getValue(), value)) {
            return java.util.Optional.of(item);
        }
        for (TreeItem<Object> c : item.getChildren()) {
            var found = find(c, value);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    /// A node whose guests and storages are listed on first expansion and kept in step afterwards.
    private final class NodeItem extends TreeItem<Object> {
        private boolean filled;

        NodeItem(NodeRow node) {
            super(node);
            expandedProperty().addListener((o, a, b) -> {
                if (b) {
                    fill();
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        void fill() {
            NodeRow node = (NodeRow) getValue();
            List<Object> want = new java.util.ArrayList<>(vm.guestsOn(node));
            want.addAll(vm.storagesOn(node));
            List<Object> have = getChildren().stream().map(TreeItem::getValue).toList();
            if (!filled || !have.equals(want)) {
                filled = true;
                getChildren().setAll(want.stream().map(v -> new TreeItem<>(v)).toList());
            }
        }
    }

    private final class Cell extends TreeCell<Object> {
        private final Label status = new Label();

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            setGraphic(null);
            getStyleClass().remove(Styles.DANGER);
            if (empty || v == null) {
                setText(null);
                return;
            }
            setText(switch (v) {
                case Scope s -> m.get("tree.all");
                case ClusterHealth h -> h.name() + " \u2014 " + m.get("cluster.state." + h.state().name());
                case NodeRow n -> n.online()
                        ? n.name() + "  " + Format.percent(n.cpuProperty().get()) + " \u00b7 "
                        + Format.bytes(n.memProperty().get()) + " \u00b7 " + Format.uptime(n.uptimeProperty().get())
                        : m.get("tree.offline", n.name());
                case Folder f -> m.get(f.key());
                case PoolRef p -> p.pool();
                case GuestRow g -> g.vmid() + " " + g.nameProperty().get();
                case StorageRow s -> s.storage() + "  " + Format.bytes(s.diskProperty().get()) + " / "
                        + Format.bytes(s.maxdiskProperty().get());
                default -> v.toString();
            });
            if (v instanceof NodeRow n) {
                Chips.status(status, n.statusProperty().get(), m);
                status.setText("\u25CF");
                setGraphic(status);
            } else if (v instanceof GuestRow g) {
                Chips.status(status, g.status(), m);
                status.setText("\u25CF");
                setGraphic(status);
            } else if (v instanceof ClusterHealth h && h.state() != ClusterHealth.State.ONLINE
                    && h.state() != ClusterHealth.State.CONNECTING) {
                getStyleClass().add(Styles.DANGER);
            }
        }
    }
}
