package dev.rackside.app.feature.inventory;

/// The status filter of the inventory toolbar.
public enum StatusFilter {
    ANY, RUNNING, STOPPED, PAUSED,
    /// `unknown` (node gone) and anything PVE may add.
    UNKNOWN;

    boolean matches(GuestRow r) {
        return switch (this) {
            case ANY -> true;
            case RUNNING -> r.running();
            case STOPPED -> "stopped".equals(r.status());
            case PAUSED -> r.paused();
            case UNKNOWN -> !r.running() && !r.paused() && !"stopped".equals(r.status());
        };
    }
}
