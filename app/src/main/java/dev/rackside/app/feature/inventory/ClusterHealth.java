package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.ProxmoxException;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/// Whether one connected cluster answers the inventory refresh, so a failing cluster is shown as
/// such instead of as a silently frozen table.
public final class ClusterHealth {

    /// How the last refresh went.
    public enum State {
        /// No refresh has finished yet.
        CONNECTING,
        /// The last refresh succeeded.
        ONLINE,
        /// The cluster did not answer (connection refused, timeout, proxy 595/596).
        UNREACHABLE,
        /// The cluster answered with a refusal (authentication, permission, certificate, garbage).
        FAILED
    }

    private final String id;
    private final String name;
    private final SimpleObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.CONNECTING);
    private final SimpleStringProperty message = new SimpleStringProperty(this, "message", "");
    private final SimpleObjectProperty<Instant> lastSuccess = new SimpleObjectProperty<>(this, "lastSuccess");
    // A refresh of this cluster is on its way; ticks skip it rather than pile up requests.
    boolean inFlight;

    ClusterHealth(String id, String name) {
        this.id = id;
        this.name = name;
    }

    void succeeded(Instant at) {
        state.set(State.ONLINE);
        message.set("");
        lastSuccess.set(at);
    }

    static State stateFor(Throwable t) {
        return t instanceof ProxmoxException.NodeUnreachable || t instanceof ProxmoxException.Timeout
                ? State.UNREACHABLE : State.FAILED;
    }

    void failed(State s, String why) {
        state.set(s);
        message.set(why);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /// PVE's or the client's operator-readable message while not [State#ONLINE]; empty otherwise.
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /// When the last successful refresh finished; null before the first one.
    public ReadOnlyObjectProperty<Instant> lastSuccessProperty() {
        return lastSuccess;
    }
}
