package dev.rackside.proxmox.model;

import java.util.List;

/// A network interface as the guest itself reports it (QEMU guest agent, or the container's own
/// `ip a` for LXC).
///
/// @param mac lower-case, may be empty
public record GuestInterface(String name, String mac, List<Address> addresses) {
    public GuestInterface {
        addresses = List.copyOf(addresses);
    }

    /// @param prefix the network prefix length (24 for a /24)
    public record Address(String address, int prefix, boolean ipv6) {
        /// Loopback and IPv6 link-local addresses, which say nothing about where to reach a guest.
        public boolean local() {
            return address.startsWith("127.") || address.equals("::1") || address.toLowerCase(java.util.Locale.ROOT).startsWith("fe80:");
        }
    }
}
