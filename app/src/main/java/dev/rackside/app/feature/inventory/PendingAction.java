package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.PowerAction;
import java.util.List;

/// A power action the operator asked for, with the guests it applies to. When
/// [#needsConfirmation()] the view asks first and calls [InventoryViewModel#execute] only on "yes".
///
/// @param targets the selected guests for which the action makes sense (start only stopped ones, …)
public record PendingAction(PowerAction action, List<GuestRow> targets, boolean needsConfirmation) {
    public PendingAction {
        targets = List.copyOf(targets);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }
}
