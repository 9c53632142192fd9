package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Property strings (`parse_property_string`): the whole problem is reported under the
/// parameter, as "invalid format - " + the stringified "format error" exception.
class PropertyStringTest {

    private static final ApiContract PVE9 = ApiContract.load("9.1.3");
    private static final Endpoint CONFIG = PVE9.endpoint("PUT", "/nodes/{node}/qemu/{vmid}/config").orElseThrow();
    private static final Endpoint STORAGE = PVE9.endpoint("PUT", "/storage/{storage}").orElseThrow();

    private static Map<String, String> config(String key, String value) {
        return ParameterValidator.validate(CONFIG,
                Map.of("node", List.of("pve1"), "vmid", List.of("100"), key, List.of(value))).errors();
    }

    private static Map<String, String> storage(String key, String value) {
        return ParameterValidator.validate(STORAGE, Map.of("storage", List.of("local"), key, List.of(value))).errors();
    }

    @Test
    void netWithModelAsKeyAliasIsValid() {
        assertEquals(Map.of(), config("net0", "virtio=BC:24:11:2E:4F:01,bridge=vmbr0,firewall=1,tag=20"));
        assertEquals(Map.of(), config("net3", "model=e1000,bridge=vmbr1,link_down=yes"));
    }

    @Test
    void netErrors() {
        assertEquals(Map.of("net0", "invalid format - invalid key in comma-separated list property: speed\n"),
                config("net0", "virtio,speed=10"));
        assertEquals(Map.of("net0", "invalid format - format error\n"
                        + "net0.model: property is missing and it is not optional\n"),
                config("net0", "bridge=vmbr0"));
        assertEquals(Map.of("net1", "invalid format - format error\n"
                        + "net1.tag: value must have a maximum value of 4094\n"),
                config("net1", "virtio,tag=5000"));
        // the nested format message keeps its own "\n", so the line ends in two
        assertEquals(Map.of("net0", "invalid format - format error\n"
                        + "net0.macaddr: invalid format - value does not look like a valid unicast MAC address\n\n"),
                config("net0", "virtio=01:00:5E:00:00:01"));
        assertEquals(Map.of("net0", "invalid format - format error\n"
                        + "net0.firewall: type check ('boolean') failed - got 'maybe'\n"
                        + "net0.model: value 'rtl' does not have a value in the enumeration 'e1000, e1000-82540em, "
                        + "e1000-82544gc, e1000-82545em, e1000e, i82551, i82557b, i82559er, ne2k_isa, ne2k_pci, pcnet, "
                        + "rtl8139, virtio, vmxnet3'\n"),
                config("net0", "rtl,firewall=maybe"));
        assertEquals(Map.of("net0", "invalid format - key alias 'model' is already defined\n"),
                config("net0", "model=virtio,e1000=BC:24:11:2E:4F:01"));
        assertEquals(Map.of("net0", "invalid format - missing key in comma-separated list property\n"),
                config("net0", "virtio,bridge="));
        assertEquals(Map.of("net0", "invalid format - duplicate key in comma-separated list property: model\n"),
                config("net0", "virtio,e1000"));
    }

    @Test
    void numberedPropertyWithoutIndexIsUnknown() {
        assertEquals(Map.of("net", SchemaChecker.NOT_IN_SCHEMA), config("net", "virtio"));
    }

    @Test
    void pruneBackupsIsANamedHashFormatWithValidator() {
        assertEquals(Map.of(), storage("prune-backups", "keep-last=3,keep-daily=7"));
        assertEquals(Map.of(), storage("prune-backups", "keep-all=1"));
        assertEquals(Map.of("prune-backups", "invalid format - keep-all cannot be set together with other options.\n"),
                storage("prune-backups", "keep-all=1,keep-last=2"));
        assertEquals(Map.of("prune-backups", "invalid format - format error\n"
                        + "prune-backups.keep-daily: type check ('integer') failed - got 'x'\n"),
                storage("prune-backups", "keep-daily=x"));
        assertEquals(Map.of("prune-backups", "invalid format - value without key, but schema does not define a default key\n"),
                storage("prune-backups", "7"));
    }

    @Test
    void agentDefaultKeyBooleanIsParsedFromYes() {
        assertTrue(config("agent", "yes,fstrim_cloned_disks=on").isEmpty());
        assertTrue(config("agent", "enabled=1,guest-fsfreeze=0").isEmpty(), "alias without keyAlias");
    }
}
