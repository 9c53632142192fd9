package dev.rackside.pvesim.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/// Builds a guest population that looks like a real estate: named by role, sized by role,
/// spread over the nodes by memory, mostly running, a few templates, locks and HA resources.
final class GuestFactory {

    private record Role(String prefix, boolean lxc, String[] os, int[] cores, int[] memMiB, int[] diskGiB,
                        String tag, int weight) {
    }

    private static final Role[] ROLES = {
        role("web", false, "l26", 2, 4, 2048, 4096, 32, 64, "web", 12),
        role("db", false, "l26", 4, 8, 8192, 16384, 100, 200, "db", 6),
        role("api", false, "l26", 2, 4, 4096, 8192, 32, 64, "web", 6),
        role("k8s-master", false, "l26", 4, 4, 8192, 8192, 64, 64, "k8s", 3),
        role("k8s-worker", false, "l26", 8, 16, 16384, 32768, 128, 256, "k8s", 10),
        role("ci-runner", false, "l26", 4, 8, 8192, 16384, 64, 128, "ci", 5),
        role("gitlab", false, "l26", 4, 8, 8192, 16384, 200, 400, "dev", 1),
        role("mail", false, "l26", 2, 2, 4096, 4096, 64, 128, "mail", 1),
        role("elastic", false, "l26", 8, 8, 32768, 65536, 500, 1000, "db", 2),
        role("kafka", false, "l26", 4, 8, 16384, 16384, 200, 200, "db", 2),
        role("jump", false, "l26", 1, 2, 1024, 2048, 16, 32, "ops", 1),
        role("win-dc", false, "win11", 2, 4, 4096, 8192, 64, 80, "windows", 2),
        role("win-rdp", false, "win11", 4, 8, 8192, 16384, 128, 128, "windows", 3),
        role("win-sql", false, "win11", 8, 8, 16384, 32768, 200, 400, "windows", 1),
        role("opnsense", false, "other", 2, 2, 2048, 4096, 16, 32, "network", 1),
        role("dns", true, "debian", 1, 1, 512, 512, 4, 8, "network", 3),
        role("proxy", true, "debian", 2, 2, 1024, 2048, 8, 8, "web", 4),
        role("redis", true, "alpine", 1, 2, 1024, 4096, 8, 16, "db", 3),
        role("postgres", true, "ubuntu", 2, 4, 4096, 8192, 32, 64, "db", 3),
        role("grafana", true, "debian", 1, 2, 1024, 2048, 8, 16, "monitoring", 2),
        role("prometheus", true, "ubuntu", 2, 4, 4096, 8192, 64, 128, "monitoring", 2),
        role("nginx", true, "alpine", 1, 1, 512, 1024, 4, 8, "web", 3),
        role("vaultwarden", true, "fedora", 1, 1, 512, 1024, 8, 8, "security", 1),
        role("builder", true, "archlinux", 4, 4, 4096, 8192, 32, 64, "ci", 1),
    };

    private static final String[] ENV_TAGS = {"prod", "staging", "dev"};
    private static final String[] EXTRA_TAGS = {"backup", "critical", "ansible", "linux", "monitoring"};
    private static final String[] DESCRIPTIONS = {
        "Managed by Ansible", "Owner: platform team", "Do not reboot during business hours",
        "Ticket OPS-1421: migrate after Q3",
    };

    private GuestFactory() {
    }

    private static Role role(String prefix, boolean lxc, String os, int c1, int c2, int m1, int m2, int d1,
                             int d2, String tag, int weight) {
        return new Role(prefix, lxc, new String[] {os}, new int[] {c1, c2}, new int[] {m1, m2},
                new int[] {d1, d2}, tag, weight);
    }

    static List<Guest> create(int count, List<Node> nodes, SplittableRandom rnd, Instant now) {
        List<Guest> guests = new ArrayList<>(count);
        if (nodes.isEmpty() || count == 0) {
            return guests;
        }
        long[] cumulative = new long[nodes.size()];
        long sum = 0;
        for (int i = 0; i < nodes.size(); i++) {
            sum += nodes.get(i).memTotal();
            cumulative[i] = sum;
        }
        int qemuWeight = 0;
        int lxcWeight = 0;
        for (Role r : ROLES) {
            if (r.lxc()) {
                lxcWeight += r.weight();
            } else {
                qemuWeight += r.weight();
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        int templates = count >= 20 ? Math.max(1, count / 50) : (count >= 4 ? 1 : 0);
        int locks = count >= 50 ? 2 : (count >= 5 ? 1 : 0);
        for (int i = 0; i < count; i++) {
            int vmid = 100 + i;
            boolean lxc = rnd.nextInt(4) == 0;
            Role role = pick(rnd, lxc, lxc ? lxcWeight : qemuWeight);
            // templates sit at the end of the range, where admins usually park them
            boolean template = i >= count - templates;
            // weighted by memory: node i owns the draws in [cumulative[i-1], cumulative[i])
            int at = Arrays.binarySearch(cumulative, rnd.nextLong(sum));
            Node node = nodes.get(at >= 0 ? at + 1 : -at - 1);
            String name = template ? templateName(role, i) : nextName(counters, role.prefix());
            GuestSpec spec = spec(role, rnd, now, template);
            List<String> tags = tags(role, rnd, template);
            String pool = pool(tags, rnd);
            boolean running = !template && rnd.nextInt(10) < 7;
            boolean ha = !template && rnd.nextInt(100) < (tags.contains("prod") ? 12 : 3);
            String lock = null;
            if (!template && running && locks > 0 && i % 97 == 13) {
                lock = "backup";
                locks--;
            }
            Instant started = running ? startInstant(node, spec.onboot(), rnd, now) : null;
            RunState state = running ? RunState.RUNNING : RunState.STOPPED;
            guests.add(new Guest(vmid, lxc ? GuestKind.LXC : GuestKind.QEMU, node.name(), name, state, template,
                    lock, ha, pool, tags, spec, started, null, 0));
        }
        return guests;
    }

    private static Role pick(SplittableRandom rnd, boolean lxc, int total) {
        int x = rnd.nextInt(total);
        for (Role r : ROLES) {
            if (r.lxc() != lxc) {
                continue;
            }
            x -= r.weight();
            if (x < 0) {
                return r;
            }
        }
        throw new IllegalStateException("role weights");
    }

    private static String nextName(Map<String, Integer> counters, String prefix) {
        int n = counters.merge(prefix, 1, Integer::sum);
        return String.format(Locale.ROOT, "%s-%02d", prefix, n);
    }

    private static String templateName(Role role, int i) {
        String os = role.os()[0];
        String base = switch (os) {
            case "win11" -> "win2022";
            case "l26", "other" -> (i % 2 == 0) ? "debian-13" : "ubuntu-2404";
            default -> os;
        };
        return (role.lxc() ? "ct-tpl-" : "tpl-") + base + "-" + i;
    }

    private static GuestSpec spec(Role role, SplittableRandom rnd, Instant now, boolean template) {
        int cores = role.cores()[rnd.nextInt(2)];
        int sockets = !role.lxc() && cores >= 16 && rnd.nextBoolean() ? 2 : 1;
        if (sockets == 2) {
            cores /= 2;
        }
        int mem = role.memMiB()[rnd.nextInt(2)];
        int disk = role.diskGiB()[rnd.nextInt(2)];
        String os = role.os()[0];
        boolean windows = os.startsWith("w");
        String storage = rnd.nextInt(10) < 3 ? "ceph-vm" : "local-lvm";
        long ctime = now.getEpochSecond() - 86_400L - rnd.nextLong(700L * 86_400);
        long ageDays = (now.getEpochSecond() - ctime) / 86_400;
        String creationQemu = ageDays > 450 ? "8.1.5" : ageDays > 200 ? "9.0.2" : ageDays > 60 ? "9.2.0" : "10.1.2";
        String description = rnd.nextInt(10) == 0 ? DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)] : null;
        boolean agent = !role.lxc() && !"other".equals(os) && rnd.nextInt(10) < 9;
        boolean serial = !role.lxc() && role.prefix().startsWith("k8s");
        boolean onboot = !template && rnd.nextInt(10) < 6;
        return new GuestSpec(sockets, cores, mem, role.lxc() ? 512 : 0, disk, storage, os, mac(rnd),
                uuid(rnd), uuid(rnd), ctime, creationQemu, description, agent, serial, onboot, windows);
    }

    private static List<String> tags(Role role, SplittableRandom rnd, boolean template) {
        if (template) {
            return List.of("template");
        }
        int n = switch (rnd.nextInt(20)) {
            case 0, 1, 2, 3 -> 0;
            case 4, 5, 6, 7, 8, 9, 10 -> 1;
            case 11, 12, 13, 14, 15, 16 -> 2;
            default -> 3;
        };
        TreeSet<String> set = new TreeSet<>();
        if (n >= 1) {
            set.add(ENV_TAGS[rnd.nextInt(ENV_TAGS.length)]);
        }
        if (n >= 2) {
            set.add(role.tag());
        }
        if (n >= 3) {
            set.add(EXTRA_TAGS[rnd.nextInt(EXTRA_TAGS.length)]);
        }
        return List.copyOf(set);
    }

    private static String pool(List<String> tags, SplittableRandom rnd) {
        int roll = rnd.nextInt(10);
        if (tags.contains("prod")) {
            return roll < 6 ? "prod" : null;
        }
        if (tags.contains("staging")) {
            return roll < 6 ? "staging" : null;
        }
        return roll < 2 ? "lab" : null;
    }

    private static Instant startInstant(Node node, boolean onboot, SplittableRandom rnd, Instant now) {
        long sinceBoot = Duration.between(node.bootedAt(), now).toSeconds();
        if (onboot && rnd.nextInt(4) != 0) {
            // started by pve-guests.service a minute or two after the node came up
            return node.bootedAt().plusSeconds(40 + rnd.nextInt(200));
        }
        long latest = Math.max(61, sinceBoot - 60);
        return now.minusSeconds(60 + rnd.nextLong(latest));
    }

    private static String mac(SplittableRandom rnd) {
        // PVE's generated MACs use Proxmox's OUI BC:24:11
        return String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", rnd.nextInt(256), rnd.nextInt(256),
                rnd.nextInt(256));
    }

    private static String uuid(SplittableRandom rnd) {
        long hi = (rnd.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
