package dev.rackside.proxmox.model;

import java.util.List;

/// One row of `GET /cluster/resources`. PVE mixes kinds in one list; this is the closed set we model,
/// plus [Other] so that a kind a newer PVE adds never breaks the inventory.
public sealed interface ClusterResource {

    /// PVE's id: `qemu/100`, `node/pve1`, `storage/pve1/local`, `/pool/prod`, …
    String id();

    /// PVE's `type` field.
    String type();

    /// @param status `online`, `offline` or `unknown`
    record Node(String id, String node, String status, double cpu, int maxcpu, long mem, long maxmem,
                long disk, long maxdisk, long uptime, String level, String cgroupMode) implements ClusterResource {
        @Override
        public String type() {
            return "node";
        }

        public boolean online() {
            return "online".equals(status);
        }
    }

    /// A QEMU VM or LXC container. Counters (`netin`, …) are cumulative bytes since the guest started.
    ///
    /// @param tags    as PVE stores them: lower case, sorted, de-duplicated
    /// @param lock    the config lock (`backup`, `migrate`, …) or empty
    /// @param hastate HA state when the guest is HA-managed, else empty
    /// @param memhost host memory used by the VM process (PVE 9, QEMU only; 0 otherwise)
    record Guest(String id, GuestType guestType, int vmid, String name, String node, String status, boolean template,
                 double cpu, int maxcpu, long mem, long maxmem, long memhost, long disk, long maxdisk,
                 long netin, long netout, long diskread, long diskwrite, long uptime,
                 List<String> tags, String lock, String pool, String hastate) implements ClusterResource {
        public Guest {
            tags = List.copyOf(tags);
        }

        @Override
        public String type() {
            return guestType.wire();
        }

        public GuestRef ref() {
            return new GuestRef(node, guestType, vmid);
        }

        public boolean running() {
            return "running".equals(status);
        }
    }

    /// @param content comma-separated content types (`images,rootdir`, `iso,vztmpl,backup`)
    record Storage(String id, String storage, String node, String status, String plugintype, String content,
                   long disk, long maxdisk, boolean shared) implements ClusterResource {
        @Override
        public String type() {
            return "storage";
        }
    }

    record Pool(String id, String pool) implements ClusterResource {
        @Override
        public String type() {
            return "pool";
        }
    }

    record Sdn(String id, String sdn, String node, String status) implements ClusterResource {
        @Override
        public String type() {
            return "sdn";
        }
    }

    /// A kind this client does not model (PVE 9 `network`, legacy `openvz`, anything newer).
    record Other(String id, String type) implements ClusterResource {
    }
}
