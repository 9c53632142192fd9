package dev.rackside.proxmox.model;

/// `GET /version`: the pve-manager version of the node we talk to.
///
/// @param version `9.1.3`
/// @param release `9.1`
/// @param repoid  the git commit of pve-manager
public record PveVersion(String version, String release, String repoid) {

    /// The major version (8 or 9), or 0 when the string cannot be read.
    public int major() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
