package dev.rackside.pvesim.internal.state;

import java.util.List;

/// A storage from `storage.cfg`, enabled on every node.
///
/// @param id         storage id
/// @param plugintype `dir`, `lvmthin`, `nfs`, `rbd`
/// @param content    content types, in the order PVE printed them in our reference capture
/// @param shared     the same storage seen from every node
record StorageDef(String id, String plugintype, String content, boolean shared) {

    static final List<StorageDef> ALL = List.of(
            new StorageDef("local", "dir", "iso,vztmpl,backup", false),
            new StorageDef("local-lvm", "lvmthin", "images,rootdir", false),
            new StorageDef("nfs-backup", "nfs", "backup,iso", true),
            new StorageDef("ceph-vm", "rbd", "images,rootdir", true));
}
