package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.ClusterResource;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

/// One storage as one node sees it (`storage/pve1/local`), updated in place.
public final class StorageRow {
    private final String clusterId;
    private final String id;
    private final String storage;
    private final String node;
    private final boolean shared;
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleStringProperty plugintype = new SimpleStringProperty(this, "plugintype", "");
    private final SimpleLongProperty disk = new SimpleLongProperty(this, "disk");
    private final SimpleLongProperty maxdisk = new SimpleLongProperty(this, "maxdisk");

    StorageRow(String clusterId, ClusterResource.Storage s) {
        this.clusterId = clusterId;
        this.id = s.id();
        this.storage = s.storage();
        this.node = s.node();
        this.shared = s.shared();
    }

    void apply(ClusterResource.Storage s) {
        status.set(s.status());
        plugintype.set(s.plugintype());
        disk.set(s.disk());
        maxdisk.set(s.maxdisk());
    }

    public String clusterId() {
        return clusterId;
    }

    /// PVE's resource id, `storage/<node>/<storage>`.
    public String id() {
        return id;
    }

    public String storage() {
        return storage;
    }

    public String node() {
        return node;
    }

    public boolean shared() {
        return shared;
    }

    /// `available`, or `unknown` while the node's statistics are missing.
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty plugintypeProperty() {
        return plugintype;
    }

    public ReadOnlyLongProperty diskProperty() {
        return disk;
    }

    public ReadOnlyLongProperty maxdiskProperty() {
        return maxdisk;
    }
}
