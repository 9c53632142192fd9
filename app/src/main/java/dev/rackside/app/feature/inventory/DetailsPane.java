package dev.rackside.app.feature.inventory;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.GuestConfig;
import dev.rackside.proxmox.model.NodeStatus;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The details of the selected guest or node: live figures from its row, configuration highlights
/// or node status loaded once on selection.
final class DetailsPane {
    private final InventoryViewModel vm;
    private final Messages m;
    private final VBox content = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(content);

    DetailsPane(InventoryViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        content.setPadding(new Insets(10));
        scroll.setFitToWidth(true);
        scroll.setMinWidth(240);
        scroll.setPrefWidth(300);
        vm.detailsProperty().addListener((o, a, b) -> render());
        // live figures (status, CPU, uptime) move with every refresh
        vm.lastRefreshProperty().addListener((o, a, b) -> render());
        render();
    }

    Node root() {
        return scroll;
    }

    private void render() {
        content.getChildren().clear();
        switch (vm.detailsProperty().get()) {
            case Details.None n -> content.getChildren().add(muted(m.get("details.none")));
            case Details.Loading l -> content.getChildren().add(muted(m.get("details.loading", l.title())));
            case Details.Failed f -> {
                Label l = new Label(m.get("details.failed", f.title(), f.message()));
                l.setWrapText(true);
                l.getStyleClass().add(Styles.DANGER);
                content.getChildren().add(l);
            }
            case Details.Guest g -> guest(g.row(), g.config(), g.addressNote());
            case Details.Node n -> node(n.row(), n.status());
        }
    }

    private void guest(GuestRow r, GuestConfig c, String addressNote) {
        content.getChildren().add(title(r.nameProperty().get() + " (" + r.vmid() + ")"));
        GridPane grid = grid();
        Label status = new Label();
        Chips.status(status, r.status(), m);
        int row = 0;
        add(grid, row++, "details.status", status);
        add(grid, row++, "details.node", text(r.nodeProperty().get()));
        add(grid, row++, "details.cpu", text(m.get("details.cores", c.cores(), c.sockets())
                + (r.running() ? " \u00b7 " + Format.percent(r.cpuProperty().get()) : "")));
        add(grid, row++, "details.memory", text(m.get("details.memory.config", Integer.toString(c.memoryMiB()))
                + (r.running() ? " \u00b7 " + Format.bytes(r.memProperty().get()) : "")));
        add(grid, row++, "details.uptime", text(orDash(Format.uptime(r.uptimeProperty().get()))));
        add(grid, row++, "details.ostype", text(orDash(c.ostype())));
        add(grid, row++, "details.disks", lines(c.disks()));
        add(grid, row++, "details.nics", lines(c.networkInterfaces()));
        add(grid, row++, "details.addresses", r.addresses().isEmpty()
                ? text(addressNote.isEmpty() ? m.get("details.none.value") : addressNote)
                : text(String.join("\n", r.addresses())));
        add(grid, row++, "details.tags", r.tags().isEmpty() ? text(m.get("details.none.value")) : Chips.tags(r.tags()));
        add(grid, row++, "details.lock", text(orDash(r.lockProperty().get())));
        add(grid, row, "details.ha", text(orDash(r.haStateProperty().get())));
        content.getChildren().add(grid);
    }

    private void node(NodeRow r, NodeStatus s) {
        content.getChildren().add(title(r.name()));
        GridPane grid = grid();
        Label status = new Label();
        Chips.status(status, r.statusProperty().get(), m);
        int row = 0;
        add(grid, row++, "details.status", status);
        add(grid, row++, "details.cpu", text(Format.percent(s.cpu()) + " \u00b7 " + s.cpuinfo().cpus() + " CPU"));
        add(grid, row++, "details.cpumodel", text(orDash(s.cpuinfo().model())));
        add(grid, row++, "details.memory", text(m.get("usage.bytes", Format.bytes(s.memory().used()),
                Format.bytes(s.memory().total()))));
        add(grid, row++, "details.load", text(s.loadavg().stream().map(d -> String.format("%.2f", d))
                .reduce((a, b) -> a + "  " + b).orElse(m.get("details.none.value"))));
        add(grid, row++, "details.uptime", text(orDash(Format.uptime(s.uptime()))));
        add(grid, row++, "details.pveversion", text(orDash(s.pveversion())));
        add(grid, row, "details.kernel", text(orDash(s.kversion())));
        content.getChildren().add(grid);
    }

    private String orDash(String s) {
        return s == null || s.isBlank() ? m.get("details.none.value") : s;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private Node lines(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return text(m.get("details.none.value"));
        }
        VBox box = new VBox(2);
        entries.forEach((k, v) -> {
            Label l = text(k + ": " + v);
            l.getStyleClass().add(Styles.TEXT_SMALL);
            box.getChildren().add(l);
        });
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        return g;
    }

    private void add(GridPane grid, int row, String key, Node value) {
        Label k = new Label(m.get(key));
        k.getStyleClass().addAll(Styles.TEXT_MUTED);
        k.setMinWidth(Region.USE_PREF_SIZE); // the captions must never collapse to "…"
        grid.add(k, 0, row);
        grid.add(value, 1, row);
    }
}
