package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Expected texts are PVE's, from pve-common `JSONSchema.pm` (`check_prop`, `check_type`,
/// `parse_property_string`) and the format verifiers; format errors keep PVE's trailing "\n".
class ParameterValidatorTest {

    private static final ApiContract PVE9 = ApiContract.load("9.1.3");
    private static final String START = "/nodes/pve1/qemu/100/status/start";

    private static ValidationResult post(String path, String... keyValues) {
        return request("POST", path, keyValues);
    }

    private static ValidationResult request(String method, String path, String... keyValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
        }
        return ParameterValidator.validate(PVE9.match(method, path).orElseThrow(), params);
    }

    @Test
    void validStartIsAcceptedAndValuesAreTyped() {
        ValidationResult r = post(START, "skiplock", "1", "timeout", "30", "migration_type", "secure");
        assertEquals(Map.of(), r.errors());
        assertTrue(r.isValid());
        assertEquals(100L, r.values().get("vmid"));
        assertEquals(true, r.values().get("skiplock"));
        assertEquals(30L, r.values().get("timeout"));
        assertEquals("pve1", r.values().get("node"));
    }

    @Test
    void vmidBelowMinimumFailsTheFormatCheckFirstAsInPve() {
        // check_prop runs the format check before minimum/maximum: PVE never says "minimum 100"
        assertEquals(Map.of("vmid", "invalid format - value does not look like a valid VM ID\n"),
                post("/nodes/pve1/qemu/99/status/start").errors());
        assertEquals(Map.of("vmid", "type check ('integer') failed - got 'abc'"),
                post("/nodes/pve1/qemu/abc/status/start").errors());
    }

    @Test
    void minimumAndMaximum() {
        assertEquals(Map.of("timeout", "value must have a minimum value of 0"),
                post(START, "timeout", "-1").errors());
        Endpoint config = PVE9.endpoint("PUT", "/nodes/{node}/qemu/{vmid}/config").orElseThrow();
        assertEquals(Map.of("cores", "value must have a minimum value of 1"),
                ParameterValidator.validate(config, Map.of("node", List.of("pve1"), "vmid", List.of("100"),
                        "cores", List.of("0"))).errors());
    }

    @Test
    void unknownParameterIsRefused() {
        assertEquals(Map.of("force", SchemaChecker.NOT_IN_SCHEMA), post(START, "force", "1").errors());
        assertEquals("property is not defined in schema and the schema does not allow additional properties",
                SchemaChecker.NOT_IN_SCHEMA);
    }

    @Test
    void methodWithoutParametersStillRefusesUnknownOnes() {
        assertEquals(Map.of("foo", SchemaChecker.NOT_IN_SCHEMA), request("GET", "/version", "foo", "1").errors());
        assertTrue(request("GET", "/version").isValid());
    }

    @Test
    void missingRequiredParameter() {
        Endpoint start = PVE9.endpoint("POST", "/nodes/{node}/qemu/{vmid}/status/start").orElseThrow();
        assertEquals(Map.of("node", "property is missing and it is not optional"),
                ParameterValidator.validate(start, Map.of("vmid", List.of("100"))).errors());
        // an empty url-encoded value is undef in PVE, i.e. missing
        assertEquals(Map.of("node", "property is missing and it is not optional"),
                ParameterValidator.validate(start, Map.of("vmid", List.of("100"), "node", List.of(""))).errors());
    }

    @Test
    void booleansOverHttpAreOnlyZeroOrOne() {
        assertTrue(post(START, "skiplock", "0").isValid());
        assertEquals(Map.of("skiplock", "type check ('boolean') failed - got 'true'"),
                post(START, "skiplock", "true").errors());
    }

    @Test
    void enumeration() {
        assertEquals(Map.of("migration_type",
                        "value 'fast' does not have a value in the enumeration 'secure, insecure'"),
                post(START, "migration_type", "fast").errors());
    }

    @Test
    void repeatedKeyOfAPlainStringIsAnArray() {
        assertEquals(Map.of("stateuri", "type check ('string') failed - got ARRAY"),
                post(START, "stateuri", "a", "stateuri", "b").errors());
    }

    @Test
    void pathParameterRepeatedWithAnotherValueIsRefusedFirst() {
        assertEquals(Map.of("node", "duplicate parameter (already defined in URI) with conflicting values!"),
                post(START, "node", "pve2", "bogus", "1").errors());
        assertTrue(post(START, "node", "pve1").isValid());
    }

    @Test
    void patternIsAnchoredByInterpolationLikePerl() {
        assertTrue(post(START, "nets-host-mtu", "net0=1500,net1=9000").isValid());
        assertEquals(Map.of("nets-host-mtu", "value does not match the regex pattern"),
                post(START, "nets-host-mtu", "net0=1500,").errors());
        // m/^$pattern$/ with "a|b" is "^a|b$": only the first branch is anchored at the start
        String path = "/nodes/pve1/qemu/100/config";
        assertTrue(request("PUT", path, "parallel0", "/dev/parport0").isValid());
        assertTrue(request("PUT", path, "parallel0", "/dev/parport0-anything").isValid());
        assertEquals(Map.of("parallel0", "value does not match the regex pattern"),
                request("PUT", path, "parallel0", "/tmp/parport0").errors());
    }

    @Test
    void arrayParameterFromRepeatedOrSingleKeys() {
        String bulk = "/cluster/bulk-action/guest/start";
        ValidationResult ok = post(bulk, "vms", "100", "vms", "101");
        assertEquals(Map.of(), ok.errors());
        assertEquals(List.of(100L, 101L), ok.values().get("vms"));
        assertEquals(List.of(100L), post(bulk, "vms", "100").values().get("vms"));
        assertEquals(Map.of("vms[1]", "invalid format - value does not look like a valid VM ID\n"),
                post(bulk, "vms", "100", "vms", "42").errors());
    }

    @Test
    void listFormatsJoinRepeatedKeysAndSplitOnCommaSemicolonSpace() {
        String path = "/nodes/pve1/qemu/100/config";
        assertTrue(request("PUT", path, "delete", "net0", "delete", "ide2").isValid());
        assertTrue(request("PUT", path, "delete", "net0;ide2 scsi1").isValid());
        assertEquals(Map.of("delete", "invalid format - invalid configuration ID 't0!'\n"),
                request("PUT", path, "delete", "net0,t0!").errors());
    }

    @Test
    void tagList() {
        String path = "/nodes/pve1/qemu/100/config";
        assertTrue(request("PUT", path, "tags", "prod;web,db").isValid());
        assertEquals(Map.of("tags", "invalid format - invalid characters in tag\n"),
                request("PUT", path, "tags", "prod;we$b").errors());
    }
}

// Schema structures the validator does not (fully) handle, as of the 8.4.2 and 9.1.3 contracts:
// - numbered properties ("net[n]"): the dump drops the highest index, so net99 is accepted
//   where PVE answers "property is not defined in schema ...";
// - hash formats referenced only by name (pve-qm-boot, pve-vm-cpu-conf, backup-performance,
//   pve-lxc-mp-string, ...) are accepted unchecked; only prune-backups is built in;
// - ~70 named string formats outside the console's needs (SDN, firewall specs, ACME, ...)
//   are accepted unchecked; pve-calendar-event is a light check;
// - IPorCIDR's Net::IP rejections (host bits set, prefix too long) imitate Net::IP's text;
// - allOf and oneOf with type-property-schema (libpve-common 9.1.21+) are not in either
//   schema and are not implemented; "items" given as an array is ignored, as PVE dies on it.
