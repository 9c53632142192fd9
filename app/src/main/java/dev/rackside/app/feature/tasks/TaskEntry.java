package dev.rackside.app.feature.tasks;

import dev.rackside.proxmox.model.Upid;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// One PVE task in the tasks panel, updated on the UI thread while it runs.
public final class TaskEntry {
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final String title;
    private final String cluster;
    private final Upid upid;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Instant> ended = new SimpleObjectProperty<>();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLog = FXCollections.unmodifiableObservableList(log);

    TaskEntry(String title, String cluster, Upid upid) {
        this.title = title;
        this.cluster = cluster;
        this.upid = upid;
    }

    public String title() {
        return title;
    }

    public String cluster() {
        return cluster;
    }

    public Upid upid() {
        return upid;
    }

    public Instant started() {
        return upid.startTime();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /// PVE's exit status (`OK`, `WARNINGS: 1`, or the error text), or our own failure to follow it.
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Instant> endedProperty() {
        return ended;
    }

    /// The PVE task log as far as it has been read.
    public ObservableList<String> log() {
        return readOnlyLog;
    }

    void appendLog(java.util.List<String> lines) {
        log.addAll(lines);
    }

    void finish(State s, String msg, Instant at) {
        message.set(msg);
        ended.set(at);
        state.set(s);
    }
}
