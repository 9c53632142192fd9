package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.ClusterResource;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

/// One cluster node in the resource tree, updated in place like [GuestRow].
public final class NodeRow {
    private final String clusterId;
    private final String name;
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleBooleanProperty online = new SimpleBooleanProperty(this, "online");
    private final SimpleDoubleProperty cpu = new SimpleDoubleProperty(this, "cpu");
    private final SimpleIntegerProperty maxcpu = new SimpleIntegerProperty(this, "maxcpu");
    private final SimpleLongProperty mem = new SimpleLongProperty(this, "mem");
    private final SimpleLongProperty maxmem = new SimpleLongProperty(this, "maxmem");
    private final SimpleLongProperty uptime = new SimpleLongProperty(this, "uptime");

    NodeRow(String clusterId, String name) {
        this.clusterId = clusterId;
        this.name = name;
    }

    void apply(ClusterResource.Node n) {
        // Simple properties fire only when the value differs, so plain sets are already minimal here.
        status.set(n.status());
        online.set(n.online());
        cpu.set(n.cpu());
        maxcpu.set(n.maxcpu());
        mem.set(n.mem());
        maxmem.set(n.maxmem());
        uptime.set(n.uptime());
    }

    public String clusterId() {
        return clusterId;
    }

    public String name() {
        return name;
    }

    /// `online`, `offline` or `unknown`.
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online;
    }

    public boolean online() {
        return online.get();
    }

    /// Fraction of all CPUs in use, 0..1; 0 while offline (PVE sends no stats then).
    public ReadOnlyDoubleProperty cpuProperty() {
        return cpu;
    }

    public ReadOnlyIntegerProperty maxcpuProperty() {
        return maxcpu;
    }

    public ReadOnlyLongProperty memProperty() {
        return mem;
    }

    public ReadOnlyLongProperty maxmemProperty() {
        return maxmem;
    }

    public ReadOnlyLongProperty uptimeProperty() {
        return uptime;
    }

    @Override
    public String toString() {
        return "NodeRow[" + clusterId + "/" + name + " " + status.get() + "]";
    }
}
