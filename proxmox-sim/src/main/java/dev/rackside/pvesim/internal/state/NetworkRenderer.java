package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/// What the guests report about their network: the QEMU guest agent's `network-get-interfaces`
/// (API-NOTES §4.11) and LXC's `interfaces` (`ip --json a` inside the container, pve-container
/// `LXC::get_interfaces`). Addresses derive from the VMID, so they are stable and unique.
final class NetworkRenderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NetworkRenderer() {
    }

    /// The guest's IPv4 address on the cluster's VM network.
    static String ipv4(Guest g) {
        return "10.20." + (g.vmid() / 250 % 250) + "." + (g.vmid() % 250 + 2);
    }

    static String ipv6(Guest g) {
        return "fd00:20::" + Integer.toHexString(g.vmid());
    }

    /// `{"result":[…]}` as the agent answers through PVE.
    static ObjectNode agentInterfaces(Guest g) {
        ObjectNode data = F.objectNode();
        ArrayNode result = data.putArray("result");
        ObjectNode lo = result.addObject().put("name", "lo").put("hardware-address", "00:00:00:00:00:00");
        ArrayNode loIps = lo.putArray("ip-addresses");
        loIps.addObject().put("ip-address", "127.0.0.1").put("ip-address-type", "ipv4").put("prefix", 8);
        loIps.addObject().put("ip-address", "::1").put("ip-address-type", "ipv6").put("prefix", 128);
        statistics(lo, g.vmid(), 0);
        String nic = g.spec().windows() ? "Ethernet" : "ens18";
        ObjectNode eth = result.addObject().put("name", nic).put("hardware-address", g.spec().mac().toLowerCase(Locale.ROOT));
        ArrayNode ips = eth.putArray("ip-addresses");
        ips.addObject().put("ip-address", ipv4(g)).put("ip-address-type", "ipv4").put("prefix", 24);
        ips.addObject().put("ip-address", ipv6(g)).put("ip-address-type", "ipv6").put("prefix", 64);
        statistics(eth, g.vmid(), 1);
        return data;
    }

    /// The container's interfaces; PVE keeps the deprecated `hwaddr`, `inet`, `inet6` keys beside the
    /// new ones, and its `prefix` comes from `ip --json` as a number.
    static ArrayNode lxcInterfaces(Guest g) {
        ArrayNode a = F.arrayNode();
        ObjectNode lo = a.addObject().put("name", "lo").put("hwaddr", "00:00:00:00:00:00")
                .put("hardware-address", "00:00:00:00:00:00").put("inet", "127.0.0.1/8").put("inet6", "::1/128");
        ArrayNode loIps = lo.putArray("ip-addresses");
        loIps.addObject().put("ip-address-type", "inet").put("ip-address", "127.0.0.1").put("prefix", 8);
        loIps.addObject().put("ip-address-type", "inet6").put("ip-address", "::1").put("prefix", 128);
        String mac = g.spec().mac().toLowerCase(Locale.ROOT);
        ObjectNode eth = a.addObject().put("name", "eth0").put("hwaddr", mac).put("hardware-address", mac)
                .put("inet", ipv4(g) + "/24").put("inet6", ipv6(g) + "/64");
        ArrayNode ips = eth.putArray("ip-addresses");
        ips.addObject().put("ip-address-type", "inet").put("ip-address", ipv4(g)).put("prefix", 24);
        ips.addObject().put("ip-address-type", "inet6").put("ip-address", ipv6(g)).put("prefix", 64);
        return a;
    }

    private static void statistics(ObjectNode nic, int vmid, int which) {
        long base = which == 0 ? 4_096L : 1_000_000L * (vmid % 97 + 3);
        nic.putObject("statistics").put("rx-bytes", base).put("rx-packets", base / 900).put("rx-errs", 0)
                .put("rx-dropped", 0).put("tx-bytes", base / 3).put("tx-packets", base / 2700).put("tx-errs", 0)
                .put("tx-dropped", 0);
    }
}
