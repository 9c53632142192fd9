package dev.rackside.app.feature.inventory;

import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestRef;
import dev.rackside.proxmox.model.GuestType;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// One VM or container in the inventory table, identified by cluster id and VMID for its whole life.
///
/// Each refresh writes into the same instance and touches only the properties whose value moved, so
/// the table keeps selection, scroll position and sort, and bound cells repaint only what changed.
public final class GuestRow {
    private final String clusterId;
    private final String clusterName;
    private final int vmid;
    private final SimpleStringProperty name = new SimpleStringProperty(this, "name", "");
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleStringProperty node = new SimpleStringProperty(this, "node", "");
    private final SimpleObjectProperty<GuestType> type = new SimpleObjectProperty<>(this, "type", GuestType.QEMU);
    private final SimpleDoubleProperty cpu = new SimpleDoubleProperty(this, "cpu");
    private final SimpleIntegerProperty maxcpu = new SimpleIntegerProperty(this, "maxcpu");
    private final SimpleLongProperty mem = new SimpleLongProperty(this, "mem");
    private final SimpleLongProperty maxmem = new SimpleLongProperty(this, "maxmem");
    private final SimpleLongProperty disk = new SimpleLongProperty(this, "disk");
    private final SimpleLongProperty maxdisk = new SimpleLongProperty(this, "maxdisk");
    private final SimpleLongProperty uptime = new SimpleLongProperty(this, "uptime");
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableList<String> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final SimpleStringProperty haState = new SimpleStringProperty(this, "haState", "");
    private final SimpleStringProperty lock = new SimpleStringProperty(this, "lock", "");
    private final SimpleStringProperty pool = new SimpleStringProperty(this, "pool", "");
    private final SimpleBooleanProperty template = new SimpleBooleanProperty(this, "template");
    private final SimpleBooleanProperty stale = new SimpleBooleanProperty(this, "stale");
    // Not part of /cluster/resources: filled from the guest agent or the container when asked for.
    private final ObservableList<String> addresses = FXCollections.observableArrayList();
    private final ObservableList<String> addressesView = FXCollections.unmodifiableObservableList(addresses);
    // The refresh generation that last reported this guest; rows not seen in a refresh have vanished.
    int seen;

    GuestRow(String clusterId, String clusterName, int vmid) {
        this.clusterId = clusterId;
        this.clusterName = clusterName;
        this.vmid = vmid;
    }

    /// Writes PVE's current view of the guest into this row.
    ///
    /// @return how many properties changed (0 for an unchanged guest)
    int apply(ClusterResource.Guest g) {
        boolean unknown = "unknown".equals(g.status());
        int n = 0;
        // Guests of a node gone for more than five minutes come back without name or template flag:
        // keep the last known ones rather than blanking rows the operator is looking at.
        if (!unknown || !g.name().isEmpty()) {
            n += set(name, g.name());
            n += set(template, g.template());
        }
        n += set(status, g.status());
        n += set(node, g.node());
        if (type.get() != g.guestType()) {
            type.set(g.guestType());
            n++;
        }
        n += set(cpu, g.cpu());
        n += set(maxcpu, g.maxcpu());
        n += set(mem, g.mem());
        n += set(maxmem, g.maxmem());
        n += set(disk, g.disk());
        n += set(maxdisk, g.maxdisk());
        n += set(uptime, g.uptime());
        n += set(haState, g.hastate());
        n += set(lock, g.lock());
        n += set(pool, g.pool());
        if (!tags.equals(g.tags())) {
            tags.setAll(g.tags());
            n++;
        }
        n += set(stale, false);
        return n;
    }

    void markStale() {
        stale.set(true);
    }

    /// The properties the search, filters and grouping read; the list's extractor watches only these
    /// so that moving metrics (CPU, memory, uptime) never fire list updates.
    Observable[] filterInputs() {
        return new Observable[] {name, status, node, type, tags, pool, template, stale};
    }

    /// Every observable of the row, for tests that count change events.
    List<Observable> allObservables() {
        return List.of(name, status, node, type, cpu, maxcpu, mem, maxmem, disk, maxdisk, uptime, tags, haState,
                lock, pool, template, stale);
    }

    private static int set(SimpleStringProperty p, String v) {
        if (p.get().equals(v)) {
            return 0;
        }
        p.set(v);
        return 1;
    }

    private static int set(SimpleDoubleProperty p, double v) {
        if (Double.compare(p.get(), v) == 0) {
            return 0;
        }
        p.set(v);
        return 1;
    }

    private static int set(SimpleLongProperty p, long v) {
        if (p.get() == v) {
            return 0;
        }
        p.set(v);
        return 1;
    }

    private static int set(SimpleIntegerProperty p, int v) {
        if (p.get() == v) {
            return 0;
        }
        p.set(v);
        return 1;
    }

    private static int set(SimpleBooleanProperty p, boolean v) {
        if (p.get() == v) {
            return 0;
        }
        p.set(v);
        return 1;
    }

    public String clusterId() {
        return clusterId;
    }

    public String clusterName() {
        return clusterName;
    }

    public int vmid() {
        return vmid;
    }

    /// Where the guest lives now (it moves with migrations).
    public GuestRef ref() {
        return new GuestRef(node.get(), type.get(), vmid);
    }

    /// `running`, `stopped`, `paused`, `suspended`, `prelaunch`, or `unknown` while its node is gone.
    public String status() {
        return status.get();
    }

    public boolean running() {
        return "running".equals(status.get());
    }

    public boolean paused() {
        String s = status.get();
        return "paused".equals(s) || "suspended".equals(s) || "prelaunch".equals(s);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty nodeProperty() {
        return node;
    }

    public ReadOnlyObjectProperty<GuestType> typeProperty() {
        return type;
    }

    /// Fraction of the guest's CPUs in use, 0..1.
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

    public ReadOnlyLongProperty diskProperty() {
        return disk;
    }

    public ReadOnlyLongProperty maxdiskProperty() {
        return maxdisk;
    }

    /// Seconds since the guest started; 0 when stopped.
    public ReadOnlyLongProperty uptimeProperty() {
        return uptime;
    }

    /// Lower case and sorted, as PVE stores them. Read-only for callers.
    /// The guest's own IP addresses (loopback and link-local left out) as last reported, or empty.
    public ObservableList<String> addresses() {
        return addressesView;
    }

    void setAddresses(java.util.List<String> now) {
        if (!addresses.equals(now)) {
            addresses.setAll(now);
        }
    }

    public ObservableList<String> tags() {
        return tagsView;
    }

    public ReadOnlyStringProperty haStateProperty() {
        return haState;
    }

    public ReadOnlyStringProperty lockProperty() {
        return lock;
    }

    public ReadOnlyStringProperty poolProperty() {
        return pool;
    }

    public ReadOnlyBooleanProperty templateProperty() {
        return template;
    }

    /// True while the row shows the last known state of a cluster that does not answer.
    public ReadOnlyBooleanProperty staleProperty() {
        return stale;
    }

    @Override
    public String toString() {
        return "GuestRow[" + clusterId + "/" + vmid + " " + name.get() + " " + status.get() + "]";
    }
}
