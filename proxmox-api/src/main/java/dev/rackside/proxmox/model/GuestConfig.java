package dev.rackside.proxmox.model;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// `GET /nodes/{node}/{qemu|lxc}/{vmid}/config`: the raw key/value configuration plus the highlights
/// an operator looks at first.
///
/// Values are kept as PVE's strings because most are property strings (`virtio=…,bridge=vmbr0`)
/// whose meaning depends on the key.
public record GuestConfig(GuestType type, SortedMap<String, String> values) {
    private static final Pattern NET = Pattern.compile("net\\d+");
    private static final Pattern DISK = Pattern.compile("(ide|sata|scsi|virtio|efidisk|tpmstate|mp|rootfs|unused)\\d*");

    public GuestConfig {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /// `name` for QEMU, `hostname` for LXC.
    public String name() {
        return get(type == GuestType.QEMU ? "name" : "hostname").orElse("");
    }

    public int cores() {
        return get("cores").map(GuestConfig::leadingInt).orElse(1);
    }

    public int sockets() {
        return get("sockets").map(GuestConfig::leadingInt).orElse(1);
    }

    /// Configured memory in MiB. QEMU's `memory` is a property string (`[current=]<MiB>`), hence the parse.
    public int memoryMiB() {
        return get("memory").map(v -> leadingInt(v.startsWith("current=") ? v.substring(8) : v))
                .orElse(type == GuestType.QEMU ? 512 : 512);
    }

    public String ostype() {
        return get("ostype").orElse("");
    }

    public String description() {
        return get("description").orElse("");
    }

    /// The configuration digest to send back with an edit, so PVE refuses concurrent changes.
    public String digest() {
        return get("digest").orElse("");
    }

    /// `net0` → `virtio=BC:24:…,bridge=vmbr0,firewall=1`
    public SortedMap<String, String> networkInterfaces() {
        return filter(NET);
    }

    /// Disk and mount-point entries (`scsi0`, `rootfs`, `mp0`, …) except CD-ROM drives.
    public SortedMap<String, String> disks() {
        SortedMap<String, String> disks = filter(DISK);
        disks.values().removeIf(v -> v.contains("media=cdrom"));
        return disks;
    }

    private SortedMap<String, String> filter(Pattern keys) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (keys.matcher(e.getKey()).matches()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static int leadingInt(String s) {
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
