package dev.rackside.pvesim.contract;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/// The address formats of pve-common `JSONSchema.pm` and pve-firewall (`IPorCIDR`).
final class NetFormats {

    private static final String OCTET = "(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])";
    static final String IPV4 = "(?:(?:" + OCTET + "\\.){3}" + OCTET + ")";
    private static final String H16 = "(?:[0-9a-fA-F]{1,4})";
    private static final String LS32 = "(?:(?:" + IPV4 + "|" + H16 + ":" + H16 + "))";
    // RFC 4291 section 2.2 spelled out case by case: n groups before "::", m after it
    static final String IPV6 = "(?:"
            + "(?:(?:(?:" + H16 + ":){6})" + LS32 + ")|"
            + "(?:(?:::(?:" + H16 + ":){5})" + LS32 + ")|"
            + "(?:(?:(?:" + H16 + ")?::(?:" + H16 + ":){4})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,3}" + H16 + ")?::(?:" + H16 + ":){1})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,4}" + H16 + ")?::)" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,5}" + H16 + ")?::)" + H16 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)))";

    private static final Pattern V4 = PerlRegex.compile("^(?:" + IPV4 + ")$");
    private static final Pattern V6 = PerlRegex.compile("^(?:" + IPV6 + ")$");
    private static final Pattern V4_CIDR = PerlRegex.compile("^(?:" + IPV4 + ")(?:/(\\d+))$");
    private static final Pattern V6_CIDR = PerlRegex.compile("^(?:" + IPV6 + ")(?:/(\\d+))$");
    private static final Pattern IP_OR_CIDR =
            PerlRegex.compile("^(?:" + IPV6 + "|" + IPV4 + ")(/(\\d+))?$");
    private static final Pattern FW_ALIAS = PerlRegex.compile("^(?:[A-Za-z][A-Za-z0-9\\-\\_]+)$");
    private static final Pattern MAC = PerlRegex.compileIgnoreCase("^[a-f0-9][02468ace](?::[a-f0-9]{2}){5}$");
    private static final Pattern DNS_LABEL = PerlRegex.compile(
            "^(([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)\\.)*([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)$");
    private static final Pattern IFACE = PerlRegex.compileIgnoreCase("^[a-z][a-z0-9_]{1,20}([:\\.]\\d+)?$");

    private NetFormats() {}

    static boolean isIpv4(String v) {
        return V4.matcher(v).find();
    }

    static boolean isIpv6(String v) {
        return V6.matcher(v).find();
    }

    static void ipv4(String v) {
        require(isIpv4(v), "value does not look like a valid IPv4 address\n");
    }

    static void ipv6(String v) {
        require(isIpv6(v), "value does not look like a valid IPv6 address\n");
    }

    static void ip(String v) {
        require(isIpv4(v) || isIpv6(v), "value does not look like a valid IP address\n");
    }

    static boolean isCidr(Pattern p, String v, int max) {
        var m = p.matcher(v);
        if (!m.find()) {
            return false;
        }
        long bits = Long.parseLong(m.group(1).length() > 18 ? "999" : m.group(1));
        return bits > 7 && bits <= max;
    }

    static void cidrV4(String v) {
        require(isCidr(V4_CIDR, v, 32), "value does not look like a valid IPv4 CIDR network\n");
    }

    static void cidrV6(String v) {
        require(isCidr(V6_CIDR, v, 128), "value does not look like a valid IPv6 CIDR network\n");
    }

    static void cidr(String v) {
        require(isCidr(V4_CIDR, v, 32) || isCidr(V6_CIDR, v, 128),
                "value does not look like a valid CIDR network\n");
    }

    /// pve-firewall `pve_verify_ip_or_cidr`. After the regex, PVE asks Net::IP, which refuses
    /// a prefix longer than the address or one with host bits set; the message of those two
    /// cases imitates Net::IP's "Invalid prefix" text and is not guaranteed verbatim.
    static void ipOrCidr(String v) {
        var m = IP_OR_CIDR.matcher(v);
        require(m.find(), "value does not look like a valid IP address or CIDR network\n");
        if (m.group(2) == null) {
            return;
        }
        String address = v.substring(0, v.indexOf('/'));
        byte[] raw;
        try {
            raw = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new FormatException("Invalid IP " + address + "\n");
        }
        int bits = raw.length * 8;
        String binary = String.format("%" + bits + "s", new BigInteger(1, raw).toString(2)).replace(' ', '0');
        int len = m.group(2).length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        if (len > bits || binary.substring(len).contains("1")) {
            throw new FormatException("Invalid prefix " + binary + "/" + m.group(2) + "\n");
        }
    }

    static void ipOrCidrOrAlias(String v) {
        if (!FW_ALIAS.matcher(v).find()) {
            ipOrCidr(v);
        }
    }

    static void mac(String v) {
        require(MAC.matcher(v).find(), "value does not look like a valid unicast MAC address\n");
    }

    static boolean isDnsName(String v) {
        return DNS_LABEL.matcher(v).find();
    }

    static void dnsName(String v) {
        require(isDnsName(v), "value does not look like a valid DNS name\n");
    }

    static void address(String v) {
        require(isIpv4(v) || isIpv6(v) || isDnsName(v),
                "value does not look like a valid address: " + v + "\n");
    }

    static void iface(String v) {
        require(IFACE.matcher(v).find(), "invalid network interface name '" + v + "'\n");
    }

    static void ipv4Mask(String v) {
        boolean ok = isIpv4(v) && !v.endsWith("\n");
        if (ok) {
            long mask = 0;
            for (String part : v.split("\\.")) {
                mask = (mask << 8) | Integer.parseInt(part);
            }
            long inverted = ~mask & 0xffffffffL;
            ok = (inverted & (inverted + 1)) == 0; // ones followed by zeros only
        }
        require(ok, "value does not look like a valid IP netmask\n");
    }

    static void ipv4Config(String v) {
        require(v.matches("(?:dhcp|manual)\n?") || isCidr(V4_CIDR, v, 32),
                "value does not look like a valid ipv4 network configuration\n");
    }

    static void ipv6Config(String v) {
        require(v.matches("(?:auto|dhcp|manual)\n?") || isCidr(V6_CIDR, v, 128),
                "value does not look like a valid ipv6 network configuration\n");
    }

    static void require(boolean ok, String perlDieMessage) {
        if (!ok) {
            throw new FormatException(perlDieMessage);
        }
    }
}
