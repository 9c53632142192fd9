package dev.rackside.pvesim.contract;

import static dev.rackside.pvesim.contract.NetFormats.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/// `PVE::JSONSchema::check_format`: named formats with their `-list` and `-opt` variants,
/// and inline property-string formats.
final class Formats {

    private static final Pattern NAME = Pattern.compile("^(.*?)(?:-(list|opt))?$", Pattern.DOTALL);
    private static final Pattern STARTUP_PART = PerlRegex.compile("^(?:(order=)?(\\d+)|up=(\\d+)|down=(\\d+))$");
    private static final Pattern BLANK = PerlRegex.compile("^\\s*$");
    private static final Pattern VLAN = PerlRegex.compile("^(\\d+)(?:-(\\d+))?$");
    private static final Pattern DISK_SIZE = PerlRegex.compile("^(\\d+(\\.\\d+)?)([KMGT](?:iB)?)?$");
    private static final Pattern CALENDAR = PerlRegex.compile("^[\\w\\s\\-:.,/*~]+$");
    private static final Pattern PAIR = PerlRegex.compile("^([^:]+):([^:]+)$");
    private static final Map<String, Consumer<String>> VERIFIERS = new HashMap<>();

    static {
        VERIFIERS.put("string", v -> { });
        VERIFIERS.put("urlencoded", IdFormats::urlencoded);
        VERIFIERS.put("pve-configid", IdFormats::configId);
        VERIFIERS.put("pve-storage-id", v -> IdFormats.plainId(v, "storage"));
        VERIFIERS.put("acme-plugin-id", v -> IdFormats.plainId(v, "ACME plugin"));
        VERIFIERS.put("pve-bridge-id", IdFormats::bridge);
        VERIFIERS.put("pve-vmid", IdFormats::vmid);
        VERIFIERS.put("pve-node", IdFormats::node);
        VERIFIERS.put("pve-tag", IdFormats::tag);
        VERIFIERS.put("pve-task-status-type", IdFormats::taskStatus);
        VERIFIERS.put("email", IdFormats::email);
        VERIFIERS.put("email-or-username", IdFormats::emailOrUsername);
        VERIFIERS.put("pve-realm", IdFormats::realm);
        VERIFIERS.put("pve-userid", IdFormats::userId);
        VERIFIERS.put("pve-tokenid", IdFormats::tokenId);
        VERIFIERS.put("pve-groupid", IdFormats::groupId);
        VERIFIERS.put("pve-roleid", IdFormats::roleId);
        VERIFIERS.put("pve-poolid", IdFormats::poolId);
        VERIFIERS.put("pve-priv", IdFormats::privilege);
        VERIFIERS.put("pve-storage-content", IdFormats::storageContent);
        VERIFIERS.put("pve-volume-id", IdFormats::volumeId);
        VERIFIERS.put("ipv4", NetFormats::ipv4);
        VERIFIERS.put("ipv6", NetFormats::ipv6);
        VERIFIERS.put("ip", NetFormats::ip);
        VERIFIERS.put("ipv4mask", NetFormats::ipv4Mask);
        VERIFIERS.put("CIDRv4", NetFormats::cidrV4);
        VERIFIERS.put("CIDRv6", NetFormats::cidrV6);
        VERIFIERS.put("CIDR", NetFormats::cidr);
        VERIFIERS.put("IPorCIDR", NetFormats::ipOrCidr);
        VERIFIERS.put("IPorCIDRorAlias", NetFormats::ipOrCidrOrAlias);
        VERIFIERS.put("pve-ipv4-config", NetFormats::ipv4Config);
        VERIFIERS.put("pve-ipv6-config", NetFormats::ipv6Config);
        VERIFIERS.put("mac-addr", NetFormats::mac);
        VERIFIERS.put("dns-name", NetFormats::dnsName);
        VERIFIERS.put("address", NetFormats::address);
        VERIFIERS.put("pve-iface", NetFormats::iface);
        VERIFIERS.put("pve-vlan-id-or-range", Formats::vlanIdOrRange);
        VERIFIERS.put("disk-size", v -> require(DISK_SIZE.matcher(v).find(),
                "value does not look like a valid disk size: " + v + "\n"));
        VERIFIERS.put("pve-startup-order", Formats::startupOrder);
        VERIFIERS.put("pve-calendar-event", Formats::calendarEvent);
        VERIFIERS.put("storage-pair", v -> idPair(v, "pve-storage-id"));
        VERIFIERS.put("bridge-pair", v -> idPair(v, "pve-bridge-id"));
    }

    private Formats() {}

    /// Throws [FormatException] with PVE's message when `value` does not fit `format`.
    static void check(JsonNode format, String value, String path) {
        if (format.isObject()) {
            PropertyString.parse(format, value, path, null);
            return;
        }
        String name = format.asText();
        if (name.equals("regex")) {
            return;
        }
        var m = NAME.matcher(name);
        m.matches();
        String base = m.group(1);
        String variant = m.group(2) == null ? "none" : m.group(2);
        JsonNode hashFormat = PropertyString.named(base);
        if (hashFormat != null) {
            require(variant.equals("none"), "'-" + variant + "' format must have code ref, not hash\n");
            PropertyString.parse(hashFormat, value, path, base);
            return;
        }
        Consumer<String> verifier = VERIFIERS.get(base);
        if (verifier == null) {
            // Every format name in the schema is registered by some PVE package (qemu-server,
            // pve-container, pve-firewall, SDN, ...), so real PVE never answers "undefined
            // format" for them. We verify the ones the console sends and accept the rest.
            return;
        }
        switch (variant) {
            case "list" -> splitList(value).forEach(verifier); // empty lists are allowed
            case "opt" -> {
                if (!value.isEmpty() && !value.equals("0")) {
                    verifier.accept(value);
                }
            }
            default -> verifier.accept(value);
        }
    }

    /// pve-common `PVE::ParseUtils::split_list`: NUL-separated, else by commas, semicolons
    /// and whitespace.
    static List<String> splitList(String text) {
        List<String> parts = new ArrayList<>();
        if (text.indexOf('\0') >= 0) {
            parts.addAll(List.of(text.split("\0")));
        } else {
            String spaced = text.replaceAll("[,;]", " ").replaceFirst("^\\s+", "");
            for (String p : spaced.split("\\s+")) {
                parts.add(p);
            }
        }
        if (parts.size() == 1 && parts.getFirst().isEmpty()) {
            parts.clear(); // Perl's split returns nothing for an empty string
        }
        return parts;
    }

    private static void startupOrder(String value) {
        boolean ok = !value.isEmpty() && !value.equals("0");
        for (String part : ok ? value.split(",") : new String[0]) {
            if (!BLANK.matcher(part).find() && !STARTUP_PART.matcher(part).find()) {
                ok = false;
            }
        }
        require(ok, "unable to parse startup options\n");
    }

    private static void vlanIdOrRange(String value) {
        var m = VLAN.matcher(value);
        require(m.find(), "invalid VLAN configuration '" + value + "'\n");
        long start = tag(m.group(1));
        if (m.group(2) != null && !m.group(2).equals("0")) {
            long end = tag(m.group(2));
            require(start < end, "VLAN range must go from lower to higher tag '" + value + "'\n");
        }
    }

    private static long tag(String digits) {
        long tag = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
        require(tag >= 2 && tag <= 4094, "invalid VLAN tag '" + digits + "'\n");
        return tag;
    }

    /// PVE parses calendar events with the Rust `proxmox-time` crate; this is a light check:
    /// an empty event gets PVE's exact message, anything with characters that can never
    /// appear in a systemd-like calendar event gets a generic one, the rest is accepted.
    private static void calendarEvent(String text) {
        String trimmed = text.strip();
        require(!trimmed.isEmpty(), "invalid calendar event '" + text
                + "' - unable to parse calendar event - event is empty\n\n");
        require(CALENDAR.matcher(trimmed).find(),
                "invalid calendar event '" + text + "' - unable to parse calendar event\n\n");
    }

    /// One entry of a `storage-pair-list` / `bridge-pair-list` (`parse_idmap`); the doubled
    /// newlines are PVE's, it re-dies with an already terminated message.
    private static void idPair(String entry, String idFormat) {
        Consumer<String> ids = VERIFIERS.get(idFormat);
        try {
            boolean identity = false;
            boolean other = false;
            for (String part : splitList(entry)) {
                if (part.equals("1")) {
                    identity = true;
                    continue;
                }
                other = true;
                var m = PAIR.matcher(part);
                try {
                    if (m.find()) {
                        ids.accept(m.group(1));
                        ids.accept(m.group(2));
                    } else {
                        ids.accept(part);
                    }
                } catch (FormatException e) {
                    throw new FormatException("entry '" + part + "' contains invalid ID - " + e.getMessage() + "\n");
                }
            }
            require(!(identity && other), "identity mapping cannot be combined with other mappings\n");
        } catch (FormatException e) {
            throw new FormatException(e.getMessage() + "\n");
        }
    }
}
