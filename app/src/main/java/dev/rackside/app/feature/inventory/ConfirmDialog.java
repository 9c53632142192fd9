package dev.rackside.app.feature.inventory;

import dev.rackside.app.fx.Messages;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/// Asks before a power action that interrupts running workloads (shutdown, stop, reboot).
final class ConfirmDialog implements Predicate<PendingAction> {
    private static final int LISTED = 8;

    private final Messages m;
    private final InventoryViewModel vm;
    private final Supplier<Node> owner;

    ConfirmDialog(Messages m, InventoryViewModel vm, Supplier<Node> owner) {
        this.m = m;
        this.vm = vm;
        this.owner = owner;
    }

    @Override
    public boolean test(PendingAction p) {
        String verb = vm.actionLabel(p.action());
        String names = p.targets().stream().limit(LISTED).map(r -> r.nameProperty().get() + " (" + r.vmid() + ")")
                .collect(Collectors.joining(", "));
        if (p.targets().size() > LISTED) {
            names += " " + m.get("confirm.more", Integer.toString(p.targets().size() - LISTED));
        }
        ButtonType yes = new ButtonType(verb, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.get("confirm.body", names), yes, ButtonType.CANCEL);
        alert.setTitle(m.get("confirm.title", verb));
        alert.setHeaderText(m.get("confirm.header", verb, Integer.toString(p.targets().size())));
        Node o = owner.get();
        if (o != null && o.getScene() != null) {
            alert.initOwner(o.getScene().getWindow());
        }
        // the safe answer is the default: Enter must not stop a production VM by accident
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
