package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Named formats: the verifier's `die` text, which PVE prefixes with "invalid format - ".
class FormatsTest {

    private static String error(String format, String value) {
        var e = assertThrows(FormatException.class, () -> Formats.check(TextNode.valueOf(format), value, "p"));
        return e.getMessage();
    }

    private static void ok(String format, String value) {
        assertDoesNotThrow(() -> Formats.check(TextNode.valueOf(format), value, "p"), format + " " + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pve-node|pve-1", "pve-node-list|pve1,pve2 pve3", "pve-vmid-list|100;101", "pve-configid|net0",
        "pve-storage-id|local-lvm", "pve-storage-id-list|local,nfs.1", "pve-poolid|a/b/c", "pve-userid|root@pam",
        "pve-realm|pve", "pve-tokenid|root@pam!ci", "pve-tokenid-list|root@pam!ci,u@pve!bot", "pve-tag-list|a;b",
        "dns-name|pve.example.com", "urlencoded|a%20b", "ipv4|10.0.0.1", "ipv6|fe80::1", "ip|::ffff:10.0.0.1",
        "CIDR|10.0.0.0/8", "IPorCIDR|10.0.0.0/24", "IPorCIDR|2001:db8::1", "mac-addr|BC:24:11:00:00:01",
        "pve-calendar-event|mon..fri 02:00", "pve-priv-list|VM.Audit,Sys.Audit", "pve-roleid|PVEAdmin",
        "pve-groupid|admins", "email-opt|root@example.com", "pve-startup-order|order=1,up=30",
        "pve-startup-order|2,down=10", "pve-storage-content|iso", "pve-storage-content-list|images,rootdir",
        "pve-volume-id|local:iso/debian.iso", "pve-iface|vmbr0.20", "storage-pair-list|local:nfs,1",
        "pve-some-qemu-format|anything goes",
    })
    void accepts(String format, String value) {
        ok(format, value);
    }

    @Test
    void emptyListsAndEmptyOptionalValuesAreAllowed() {
        ok("pve-vmid-list", "");
        ok("email-opt", "");
    }

    @Test
    void messages() {
        assertEquals("value does not look like a valid node name\n", error("pve-node", "-pve"));
        assertEquals("value does not look like a valid node name\n", error("pve-node-list", "pve1,pve_2"));
        assertEquals("invalid configuration ID '0net'\n", error("pve-configid-list", "net0,0net"));
        assertEquals("storage ID 'a' cannot be shorter than 2 characters\n", error("pve-storage-id", "a"));
        assertEquals("storage ID 'local-' contains illegal characters\n", error("pve-storage-id-list", "local-"));
        assertEquals("pool name 'a/b/c/d' nested too deeply (max levels = 3)\n", error("pve-poolid", "a/b/c/d"));
        assertEquals("pool name 'a b' contains invalid characters\n", error("pve-poolid", "a b"));
        assertEquals("user name 'r@' is too short\n", error("pve-userid", "r@"));
        assertEquals("value 'root' does not look like a valid user name\n", error("pve-userid", "root"));
        assertEquals("value does not look like a valid realm\n", error("pve-realm", "1pve"));
        assertEquals("value 'root@pam' does not look like a valid token ID\n", error("pve-tokenid", "root@pam"));
        // the token part follows the realm rule: a letter and at least one more character
        assertEquals("value 'root@pam!a' does not look like a valid token ID\n", error("pve-tokenid", "root@pam!a"));
        assertEquals("invalid characters in tag\n", error("pve-tag-list", "ok,not ok!"));
        assertEquals("value does not look like a valid DNS name\n", error("dns-name", "a..b"));
        assertEquals("invalid urlencoded string: a b\n", error("urlencoded", "a b"));
        assertEquals("value does not look like a valid VM ID\n", error("pve-vmid-list", "100,99"));
        assertEquals("value does not look like a valid IPv4 address\n", error("ipv4", "10.0.0.256"));
        assertEquals("value does not look like a valid IPv6 address\n", error("ipv6", "fe80:::1"));
        assertEquals("value does not look like a valid IP address\n", error("ip", "pve1"));
        assertEquals("value does not look like a valid CIDR network\n", error("CIDR", "10.0.0.0/7"));
        assertEquals("value does not look like a valid IP address or CIDR network\n", error("IPorCIDR", "x/24"));
        assertEquals("value does not look like a valid unicast MAC address\n", error("mac-addr", "01:00:5E:00:00:01"));
        assertEquals("invalid privilege 'VM.Everything'\n", error("pve-priv-list", "VM.Audit,VM.Everything"));
        assertEquals("role name 'a b' contains invalid characters\n", error("pve-roleid", "a b"));
        assertEquals("group name 'a:b' contains invalid characters\n", error("pve-groupid", "a:b"));
        assertEquals("value does not look like a valid email address\n", error("email-opt", "root"));
        assertEquals("unable to parse startup options\n", error("pve-startup-order", "first"));
        assertEquals("invalid content type 'isos'\n", error("pve-storage-content-list", "iso,isos"));
        assertEquals("unable to parse volume ID 'debian.iso'\n", error("pve-volume-id", "debian.iso"));
        assertEquals("invalid network interface name 'eth 0'\n", error("pve-iface", "eth 0"));
        assertEquals("invalid calendar event ' ' - unable to parse calendar event - event is empty\n\n",
                error("pve-calendar-event", " "));
        assertEquals("entry 'local:a' contains invalid ID - storage ID 'a' cannot be shorter than 2 characters\n\n\n",
                error("storage-pair-list", "local:a"));
    }

    @Test
    void perlRegexSyntaxIsTranslated() {
        assertEquals("(?-imsx:[A-Za-z0-9]+)", PerlRegex.toJava("(?^:[A-Za-z0-9]+)"));
        assertEquals("(?i-msx:x)[a]{0,8}\\x00", PerlRegex.toJava("(?^i:x)[a]{,8}\\0"));
    }
}
