package dev.rackside.pvesim.contract;

import static dev.rackside.pvesim.contract.NetFormats.require;

import java.util.Set;
import java.util.regex.Pattern;

/// Identifier formats: pve-common `JSONSchema.pm`, pve-access-control (`AccessControl.pm`,
/// `Auth/Plugin.pm`) and pve-storage (`Storage/Plugin.pm`).
final class IdFormats {

    private static final String REALM = "[A-Za-z][A-Za-z0-9\\.\\-_]+";
    private static final String USER = "[^\\s:/]+";
    private static final Pattern CONFIG_ID = PerlRegex.compileIgnoreCase("^[a-z][a-z0-9_-]+$");
    private static final Pattern PLAIN_ID = PerlRegex.compileIgnoreCase("^[a-z][a-z0-9\\-\\_\\.]*[a-z0-9]$");
    private static final Pattern VMID = PerlRegex.compile("^[1-9][0-9]{2,8}$");
    private static final Pattern NODE = PerlRegex.compile("^([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)$");
    private static final Pattern BRIDGE = PerlRegex.compile("^[-_.\\w\\d]+$");
    private static final Pattern URLENCODED = PerlRegex.compile("^[-%a-zA-Z0-9_.!~*'()]*$");
    private static final Pattern TAG = PerlRegex.compileIgnoreCase("^[a-z0-9_][a-z0-9_\\-\\+\\.]*$");
    private static final Pattern REALM_ID = PerlRegex.compile("^" + REALM + "$");
    private static final Pattern USER_ID = PerlRegex.compile("^(" + USER + ")\\@(" + REALM + ")$");
    private static final Pattern TOKEN_ID =
            PerlRegex.compile("^((" + USER + ")\\@(" + REALM + "))!(" + REALM + ")$");
    private static final Pattern NAME = PerlRegex.compile("^[A-Za-z0-9\\.\\-_]+$");
    private static final Pattern POOL =
            PerlRegex.compile("^[A-Za-z0-9\\.\\-_]+(?:/[A-Za-z0-9\\.\\-_]+){0,2}$");
    private static final Pattern VOLUME_ID = PerlRegex.compileIgnoreCase("^([a-z][a-z0-9\\-\\_\\.]*[a-z0-9]):(.+)$");
    private static final Pattern EMAIL_USER = PerlRegex.compile("[\\w\\+\\-\\~]+(\\.[\\w\\+\\-\\~]+)*");
    private static final Pattern EMAIL = PerlRegex.compile(
            "^" + EMAIL_USER.pattern() + "@[a-zA-Z0-9\\-]+(\\.[a-zA-Z0-9\\-]+)*$");
    private static final Pattern EMAIL_OR_USER = PerlRegex.compile("^" + EMAIL_USER.pattern() + "$");
    private static final Pattern TASK_STATUS = PerlRegex.compileIgnoreCase("^(ok|error|warning|unknown)$");

    // DirPlugin's content types ("dir includes all other types"); Storage/Plugin.pm verify_content
    private static final Set<String> CONTENT =
            Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "none", "import");

    // AccessControl.pm $privgroups. The union of PVE 8.4 and 9.x: VM.Monitor was dropped and
    // VM.GuestAgent.*, VM.Replicate added; a contract does not carry the list, so we accept both.
    private static final Set<String> PRIVILEGES = Set.of(
            "Permissions.Modify",
            "VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network",
            "VM.Config.HWType", "VM.Config.Options", "VM.Allocate", "VM.Clone",
            "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.Replicate", "VM.Snapshot",
            "VM.Snapshot.Rollback", "VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console",
            "VM.Backup", "VM.GuestAgent.FileRead", "VM.GuestAgent.FileSystemMgmt",
            "VM.GuestAgent.FileWrite", "VM.PowerMgmt", "VM.Audit", "VM.GuestAgent.Audit", "VM.Monitor",
            "Sys.PowerMgmt", "Sys.Modify", "Sys.Incoming", "Sys.AccessNetwork", "Sys.Console",
            "Sys.Syslog", "Sys.Audit",
            "Datastore.Allocate", "Datastore.AllocateTemplate", "Datastore.AllocateSpace",
            "Datastore.Audit",
            "SDN.Allocate", "SDN.Audit", "SDN.Use",
            "Realm.Allocate", "User.Modify", "Group.Allocate", "Realm.AllocateUser",
            "Pool.Allocate", "Pool.Audit",
            "Mapping.Modify", "Mapping.Use", "Mapping.Audit");

    private IdFormats() {}

    static void configId(String v) {
        require(CONFIG_ID.matcher(v).find(), "invalid configuration ID '" + v + "'\n");
    }

    /// `parse_id`: storage and ACME plugin IDs.
    static void plainId(String v, String kind) {
        require(v.codePointCount(0, v.length()) >= 2, kind + " ID '" + v + "' cannot be shorter than 2 characters\n");
        require(PLAIN_ID.matcher(v).find(), kind + " ID '" + v + "' contains illegal characters\n");
    }

    static void vmid(String v) {
        require(VMID.matcher(v).find(), "value does not look like a valid VM ID\n");
    }

    static void node(String v) {
        require(NODE.matcher(v).find(), "value does not look like a valid node name\n");
    }

    static void bridge(String v) {
        require(BRIDGE.matcher(v).find(), "invalid bridge ID '" + v + "'\n");
    }

    static void urlencoded(String v) {
        require(URLENCODED.matcher(v).find(), "invalid urlencoded string: " + v + "\n");
    }

    static void tag(String v) {
        require(TAG.matcher(v).find(), "invalid characters in tag\n");
    }

    static void realm(String v) {
        require(REALM_ID.matcher(v).find(), "value does not look like a valid realm\n");
    }

    static void userId(String v) {
        int length = v.codePointCount(0, v.length());
        require(length >= 3, "user name '" + v + "' is too short\n");
        require(length <= 64, "user name '" + v + "' is too long (" + length + " > 64)\n");
        require(USER_ID.matcher(v).find(), "value '" + v + "' does not look like a valid user name\n");
    }

    static void tokenId(String v) {
        require(TOKEN_ID.matcher(v).find(), "value '" + v + "' does not look like a valid token ID\n");
    }

    static void groupId(String v) {
        require(NAME.matcher(v).find(), "group name '" + v + "' contains invalid characters\n");
    }

    static void roleId(String v) {
        require(NAME.matcher(v).find(), "role name '" + v + "' contains invalid characters\n");
    }

    static void poolId(String v) {
        // Perl's split drops trailing empty fields before counting
        require(v.split("/").length <= 3, "pool name '" + v + "' nested too deeply (max levels = 3)\n");
        require(POOL.matcher(v).find(), "pool name '" + v + "' contains invalid characters\n");
    }

    static void privilege(String v) {
        require(PRIVILEGES.contains(v), "invalid privilege '" + v + "'\n");
    }

    static void storageContent(String v) {
        require(CONTENT.contains(v), "invalid content type '" + v + "'\n");
    }

    static void volumeId(String v) {
        require(VOLUME_ID.matcher(v).find(), "unable to parse volume ID '" + v + "'\n");
    }

    static void email(String v) {
        require(EMAIL.matcher(v).find(), "value does not look like a valid email address\n");
    }

    static void emailOrUsername(String v) {
        require(EMAIL.matcher(v).find() || EMAIL_OR_USER.matcher(v).find(),
                "value does not look like a valid email address or user name\n");
    }

    static void taskStatus(String v) {
        require(TASK_STATUS.matcher(v).find(), "invalid status '" + v + "'\n");
    }
}
