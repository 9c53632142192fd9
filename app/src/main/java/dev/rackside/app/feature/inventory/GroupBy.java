package dev.rackside.app.feature.inventory;

import java.util.List;

/// How the guest list is grouped; a guest with several tags appears under each of them.
public enum GroupBy {
    NONE, NODE, POOL, TAG;

    /// The group keys of `row`; an empty string stands for "no pool" or "no tag".
    List<String> keys(GuestRow row) {
        return switch (this) {
            case NONE -> List.of("");
            case NODE -> List.of(row.nodeProperty().get());
            case POOL -> List.of(row.poolProperty().get());
            case TAG -> row.tags().isEmpty() ? List.of("") : List.copyOf(row.tags());
        };
    }
}
