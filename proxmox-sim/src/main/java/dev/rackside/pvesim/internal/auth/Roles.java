package dev.rackside.pvesim.internal.auth;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/// PVE 9's built-in roles and their privileges (pve-access-control `AccessControl.pm` role table;
/// PVE 9 split the guest-agent privileges and dropped `VM.Monitor`).
public final class Roles {
    public static final Set<String> ALL_PRIVILEGES = Set.of(
            "Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit",
            "Group.Allocate", "Mapping.Audit", "Mapping.Modify", "Mapping.Use", "Permissions.Modify",
            "Pool.Allocate", "Pool.Audit", "Realm.Allocate", "Realm.AllocateUser", "SDN.Allocate", "SDN.Audit",
            "SDN.Use", "Sys.AccessNetwork", "Sys.Audit", "Sys.Console", "Sys.Incoming", "Sys.Modify",
            "Sys.PowerMgmt", "Sys.Syslog", "User.Modify", "VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone",
            "VM.Config.CDROM", "VM.Config.CPU", "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType",
            "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.Console", "VM.GuestAgent.Audit",
            "VM.GuestAgent.FileRead", "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite",
            "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.PowerMgmt", "VM.Replicate", "VM.Snapshot",
            "VM.Snapshot.Rollback");

    private static final Map<String, Set<String>> ROLES = Map.of(
            "Administrator", ALL_PRIVILEGES,
            "NoAccess", Set.of(),
            "PVEAuditor", Set.of("Datastore.Audit", "Mapping.Audit", "Pool.Audit", "SDN.Audit", "Sys.Audit",
                    "VM.Audit", "VM.GuestAgent.Audit"),
            "PVEVMUser", Set.of("VM.Audit", "VM.Console", "VM.Backup", "VM.Config.CDROM", "VM.Config.Cloudinit",
                    "VM.PowerMgmt", "VM.GuestAgent.Audit", "Datastore.AllocateSpace", "Datastore.Audit"),
            "PVEVMAdmin", vmAdmin(),
            "PVEDatastoreUser", Set.of("Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit"),
            "PVEPoolUser", Set.of("Pool.Audit"));

    private Roles() {
    }

    public static Set<String> privileges(String role) {
        Set<String> p = ROLES.get(role);
        if (p == null) {
            throw new IllegalArgumentException("unknown role " + role);
        }
        return p;
    }

    private static Set<String> vmAdmin() {
        Set<String> s = new TreeSet<>();
        for (String p : ALL_PRIVILEGES) {
            if (p.startsWith("VM.")) {
                s.add(p);
            }
        }
        s.addAll(Set.of("Datastore.AllocateSpace", "Datastore.Audit", "Mapping.Use", "Mapping.Audit", "SDN.Use",
                "Sys.Audit", "Sys.Console"));
        return Set.copyOf(s);
    }
}
