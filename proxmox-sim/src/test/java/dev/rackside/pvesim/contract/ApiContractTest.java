package dev.rackside.pvesim.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private final ApiContract pve9 = ApiContract.load("9.1.3");

    @Test
    void bothVersionsLoadWithEveryMethodOfTheSchema() {
        assertEquals(649, pve9.endpoints().size());
        assertEquals(605, ApiContract.load("8.4.2").endpoints().size());
        assertSame(pve9, ApiContract.load("9.1.3"), "parsed once per version");
        assertThrows(IllegalArgumentException.class, () -> ApiContract.load("7.4.0"));
    }

    @Test
    void matchesConcretePathToTemplateAndExtractsPlaceholders() {
        EndpointMatch m = pve9.match("POST", "/nodes/pve1/qemu/100/status/start").orElseThrow();
        assertEquals("/nodes/{node}/qemu/{vmid}/status/start", m.endpoint().pathTemplate());
        assertEquals(Map.of("node", "pve1", "vmid", "100"), m.pathParameters());
        assertTrue(m.endpoint().isProtected());
        assertEquals(Optional.of("node"), m.endpoint().proxyTo());
        assertTrue(m.endpoint().allowToken());
        assertEquals("VM.PowerMgmt", m.endpoint().permissions().at("/check/2/0").asText());
    }

    @Test
    void literalSegmentsMustMatchAndEmptySegmentsAreIgnoredLikePve() {
        assertTrue(pve9.match("get", "//nodes//pve1/qemu/").isPresent(), "PVE skips empty fragments");
        assertTrue(pve9.match("GET", "/nodes/pve1/qemu/100/status/start").isEmpty(), "start is POST only");
        assertTrue(pve9.match("POST", "/nodes/pve1/qemu/100/status/launch").isEmpty());
        assertTrue(pve9.match("GET", "/nodes/pve1/qemu/100/status/current/extra").isEmpty());
    }

    @Test
    void storageContentSwallowsTheRestOfThePathAsPveMountsIt() {
        EndpointMatch m = pve9.match("GET", "/nodes/pve1/storage/local/content/local:iso/debian.iso")
                .orElseThrow();
        assertEquals("/nodes/{node}/storage/{storage}/content/{volume}", m.endpoint().pathTemplate());
        assertEquals("local:iso/debian.iso", m.pathParameters().get("volume"));
    }

    @Test
    void hasPathIgnoresTheMethod() {
        assertTrue(pve9.hasPath("/cluster/resources"));
        assertTrue(pve9.hasPath("/nodes/pve1/lxc/101/status/current"));
        assertFalse(pve9.hasPath("/cluster/nonsense"));
    }

    @Test
    void versionsDiffer() {
        // HA rules are new in PVE 9
        assertTrue(pve9.endpoint("GET", "/cluster/ha/rules").isPresent());
        assertTrue(ApiContract.load("8.4.2").endpoint("GET", "/cluster/ha/rules").isEmpty());
    }
}
