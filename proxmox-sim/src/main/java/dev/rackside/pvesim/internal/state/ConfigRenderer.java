package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/// `GET /nodes/{node}/{qemu,lxc}/{vmid}/config`.
///
/// The config is first written out as the text file pmxcfs would hold (comment lines, then
/// `key: value` lines sorted by key), because `digest` is the SHA-1 of exactly that text.
/// Values are then typed the way the config parsers type them: integer and boolean options
/// become numbers (`cores: 2`, `onboot: 1`), everything else stays a string, which is why QEMU's
/// `memory` (a property string) arrives as `"4096"` while LXC's `memory` is an integer.
final class ConfigRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConfigRenderer() {
    }

    static ObjectNode config(Frame f, Guest g) {
        Frame.requireOnline(f.node(g.node()));
        Map<String, Object> c = g.type() == GuestKind.QEMU ? qemu(g) : lxc(g);
        StringBuilder text = new StringBuilder();
        String description = g.spec().description();
        if (description != null) {
            for (String line : description.split("\n", -1)) {
                text.append('#').append(line).append('\n');
            }
        }
        c.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));

        ObjectNode o = JSON.objectNode();
        if (description != null) {
            o.put("description", description);
        }
        c.forEach((k, v) -> {
            if (v instanceof Integer i) {
                o.put(k, i);
            } else {
                o.put(k, (String) v);
            }
        });
        o.put("digest", sha1(text.toString()));
        return o;
    }

    private static Map<String, Object> qemu(Guest g) {
        GuestSpec s = g.spec();
        int id = g.vmid();
        Map<String, Object> c = new TreeMap<>();
        String disk = s.storage() + ":" + (g.template() ? "base-" : "vm-") + id + "-disk-";
        if (s.agent()) {
            c.put("agent", "1");
        }
        c.put("boot", "order=scsi0;ide2;net0");
        c.put("cores", s.cores());
        c.put("cpu", "x86-64-v2-AES");
        c.put("ide2", "none,media=cdrom");
        c.put("memory", Integer.toString(s.memoryMiB()));
        c.put("meta", "creation-qemu=" + s.creationQemu() + ",ctime=" + s.ctime());
        c.put("name", g.name());
        c.put("net0", "virtio=" + s.mac() + ",bridge=vmbr0,firewall=1");
        c.put("numa", 0);
        if (s.onboot()) {
            c.put("onboot", 1);
        }
        c.put("ostype", s.ostype());
        c.put("scsi0", disk + "0,iothread=1,size=" + s.diskGiB() + "G");
        c.put("scsihw", "virtio-scsi-single");
        c.put("smbios1", "uuid=" + s.uuid());
        c.put("sockets", s.sockets());
        c.put("vmgenid", s.vmgenid());
        if (s.serial()) {
            c.put("serial0", "socket");
        }
        if (s.uefi()) {
            String[] v = s.creationQemu().split("\\.");
            c.put("bios", "ovmf");
            c.put("machine", "pc-q35-" + v[0] + "." + v[1]);
            c.put("efidisk0", disk + "1,efitype=4m,pre-enrolled-keys=1,size=4M");
            c.put("tpmstate0", disk + "2,size=4M,version=v2.0");
        }
        common(g, c);
        return c;
    }

    private static Map<String, Object> lxc(Guest g) {
        GuestSpec s = g.spec();
        Map<String, Object> c = new TreeMap<>();
        c.put("arch", "amd64");
        c.put("cores", s.cores());
        if (!"alpine".equals(s.ostype())) {
            // systemd-based containers need nesting; the GUI sets it on every new unprivileged CT
            c.put("features", "nesting=1");
        }
        c.put("hostname", g.name());
        c.put("memory", s.memoryMiB());
        c.put("net0", "name=eth0,bridge=vmbr0,firewall=1,hwaddr=" + s.mac() + ",ip=dhcp,type=veth");
        if (s.onboot()) {
            c.put("onboot", 1);
        }
        c.put("ostype", s.ostype());
        c.put("rootfs", s.storage() + ":" + (g.template() ? "base-" : "vm-") + g.vmid() + "-disk-0,size="
                + s.diskGiB() + "G");
        c.put("swap", s.swapMiB());
        c.put("unprivileged", 1);
        common(g, c);
        return c;
    }

    private static void common(Guest g, Map<String, Object> c) {
        if (g.lock() != null) {
            c.put("lock", g.lock());
        }
        if (g.tagString() != null) {
            c.put("tags", g.tagString());
        }
        if (g.template()) {
            c.put("template", 1);
        }
    }

    private static String sha1(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JRE", e);
        }
    }
}
