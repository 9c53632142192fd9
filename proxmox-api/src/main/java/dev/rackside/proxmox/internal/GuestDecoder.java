package dev.rackside.proxmox.internal;

import static dev.rackside.proxmox.internal.Lenient.bool;
import static dev.rackside.proxmox.internal.Lenient.doubleValue;
import static dev.rackside.proxmox.internal.Lenient.intValue;
import static dev.rackside.proxmox.internal.Lenient.longValue;
import static dev.rackside.proxmox.internal.Lenient.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.proxmox.model.GuestConfig;
import dev.rackside.proxmox.model.GuestStatus;
import dev.rackside.proxmox.model.GuestType;
import java.util.Map;
import java.util.TreeMap;

/// Decodes per-guest answers.
public final class GuestDecoder {
    private GuestDecoder() {
    }

    public static GuestStatus status(int vmid, JsonNode d) {
        JsonNode ha = Lenient.object(d, "ha");
        // `agent` is 0/1 on QEMU; it is absent on LXC.
        return new GuestStatus(d.has("vmid") ? intValue(d, "vmid") : vmid, text(d, "name"), text(d, "status"),
                text(d, "qmpstatus"), doubleValue(d, "cpu"), intValue(d, "cpus"), longValue(d, "mem"),
                longValue(d, "maxmem"), longValue(d, "disk"), longValue(d, "maxdisk"), longValue(d, "uptime"),
                bool(d, "template"), text(d, "lock"), bool(ha, "managed"), text(ha, "state"), bool(d, "agent"),
                Lenient.tags(d, "tags"), longValue(d, "pid"));
    }

    /// QEMU's `{"result":[…]}` (types `ipv4`/`ipv6`) and LXC's plain array (types `inet`/`inet6`,
    /// `null` for a stopped container) decode to the same shape.
    public static java.util.List<dev.rackside.proxmox.model.GuestInterface> interfaces(JsonNode d) {
        JsonNode list = d.isObject() ? d.path("result") : d;
        java.util.List<dev.rackside.proxmox.model.GuestInterface> out = new java.util.ArrayList<>();
        for (JsonNode nic : list) {
            java.util.List<dev.rackside.proxmox.model.GuestInterface.Address> addresses = new java.util.ArrayList<>();
            for (JsonNode ip : nic.path("ip-addresses")) {
                String type = text(ip, "ip-address-type");
                addresses.add(new dev.rackside.proxmox.model.GuestInterface.Address(text(ip, "ip-address"),
                        intValue(ip, "prefix"), type.equals("ipv6") || type.equals("inet6")));
            }
            String mac = text(nic, "hardware-address");
            out.add(new dev.rackside.proxmox.model.GuestInterface(text(nic, "name"),
                    (mac.isEmpty() ? text(nic, "hwaddr") : mac).toLowerCase(java.util.Locale.ROOT), addresses));
        }
        return out;
    }

    public static GuestConfig config(GuestType type, JsonNode d) {
        Map<String, String> values = new TreeMap<>();
        d.properties().forEach(e -> values.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return new GuestConfig(type, new TreeMap<>(values));
    }
}
