package dev.rackside.pvesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// The simulator answers as pveproxy does at the HTTP level: statuses, reason phrases, bodies (or
/// none), delays, CSRF, the order of checks, and the envelope's quirks.
class PveproxyBehaviourTest {
    private static SimulatedCluster pve;
    private static RawHttp http;
    private static Map<String, String> root;

    @BeforeAll
    static void start() {
        pve = SimulatedCluster.start(new SimulatorOptions("127.0.0.1", 0, 3, 30, 7, SimClock.system(),
                Duration.ofMillis(400), 0.05, null));
        http = new RawHttp(pve);
        root = Map.of("Authorization", RawHttp.tokenHeader(pve));
    }

    @AfterAll
    static void stop() {
        pve.close();
    }

    @Test
    void noCredentialsIs401NoTicketWithoutBodyAfterTheDelay() {
        var a = http.get("/version", Map.of());
        assertEquals(401, a.status());
        assertEquals("No ticket", a.reason());
        assertEquals("", a.body());
        assertNull(a.contentType());
        assertTrue(a.millis() >= 350, "failed authentication is delayed, took " + a.millis() + " ms");
    }

    @Test
    void unknownPathIs501WithPvesMessageAfterAuthentication() {
        var a = http.get("/nodes/pve1/no-such-thing", root);
        assertEquals(501, a.status());
        assertEquals("Method 'GET /nodes/pve1/no-such-thing' not implemented", a.reason());
        assertEquals("Method 'GET /nodes/pve1/no-such-thing' not implemented", a.json().get("message").asText());
        assertTrue(a.json().get("data").isNull());
        assertEquals(401, http.get("/nodes/pve1/no-such-thing", Map.of()).status(), "auth comes before routing");
    }

    @Test
    void badParameterIs400WithPvesErrorsMap() {
        var a = http.post("/nodes/pve1/qemu/99/status/start", Map.of(), root);
        assertEquals(400, a.status());
        assertEquals("Parameter verification failed.", a.reason());
        assertEquals("invalid format - value does not look like a valid VM ID\n", a.json().at("/errors/vmid").asText());
        assertEquals("application/json;charset=UTF-8", a.contentType());
    }

    @Test
    void booleansMustBeZeroOrOne() {
        var a = http.get("/nodes/pve1/qemu?full=true", root);
        assertEquals(400, a.status());
        assertEquals("type check ('boolean') failed - got 'true'", a.json().at("/errors/full").asText());
        assertEquals(200, http.get("/nodes/pve1/qemu?full=1", root).status());
    }

    @Test
    void unknownParameterIsRefused() {
        var a = http.get("/cluster/resources?colour=red", root);
        assertEquals(400, a.status());
        assertEquals("property is not defined in schema and the schema does not allow additional properties",
                a.json().at("/errors/colour").asText());
    }

    @Test
    void enumIsChecked() {
        var a = http.get("/cluster/resources?type=pool", root);
        assertEquals("value 'pool' does not have a value in the enumeration 'vm, storage, node, sdn'",
                a.json().at("/errors/type").asText());
    }

    @Test
    void ticketWritesNeedTheCsrfToken() {
        var login = http.post("/access/ticket", Map.of("username", "root@pam", "password", SimulatedCluster.ROOT_PASSWORD), Map.of());
        assertEquals(200, login.status());
        String ticket = login.json().at("/data/ticket").asText();
        String csrf = login.json().at("/data/CSRFPreventionToken").asText();
        assertTrue(ticket.startsWith("PVE:root@pam:"), ticket);
        assertTrue(csrf.matches("[0-9A-F]{8}:.+"), csrf);
        var cookie = Map.of("Cookie", "PVEAuthCookie=" + ticket);
        var noCsrf = http.post("/nodes/pve1/qemu/100/status/stop", Map.of(), cookie);
        assertEquals(401, noCsrf.status());
        assertEquals("Permission denied - invalid csrf token", noCsrf.reason());
        assertEquals(200, http.get("/cluster/status", cookie).status(), "reads need no CSRF token");
    }

    @Test
    void permissionsAreCheckedBeforeParameters() {
        pve.addUser("viewer@pve", "pw");
        String secret = pve.addToken("viewer@pve", "t", true);
        var token = Map.of("Authorization", "PVEAPIToken=viewer@pve!t=" + secret);
        var a = http.post("/nodes/pve1/qemu/100/status/start?timeout=banana", Map.of(), token);
        assertEquals(403, a.status());
        assertEquals("Permission check failed (/vms/100, VM.PowerMgmt)", a.reason());
        assertEquals("Permission check failed (/vms/100, VM.PowerMgmt)\n", a.json().get("message").asText());
    }

    @Test
    void failedLoginIs401AuthenticationFailureWithBody() {
        var a = http.post("/access/ticket", Map.of("username", "root@pam", "password", "nope"), Map.of());
        assertEquals(401, a.status());
        assertEquals("authentication failure", a.reason());
        assertEquals("authentication failure\n", a.json().get("message").asText());
    }

    @Test
    void zeroTotalIsOmitted() {
        var none = http.get("/nodes/pve1/tasks?vmid=999999", root);
        assertEquals(200, none.status());
        assertFalse(none.json().has("total"), none.body());
        assertEquals(0, none.json().get("data").size());
    }

    @Test
    void keysComeInRandomOrderLikePerlHashes() {
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            var it = http.get("/version", root).json().get("data").fieldNames();
            StringBuilder sb = new StringBuilder();
            it.forEachRemaining(sb::append);
            orders.add(sb.toString());
        }
        assertTrue(orders.size() > 1, "always the same key order: " + orders);
    }

    @Test
    void apiRefusalsCarryTheMessageInTheReasonPhrase() {
        var list = http.get("/cluster/resources?type=vm", root).json().get("data");
        for (var g : list) {
            if ("qemu".equals(g.get("type").asText()) && "stopped".equals(g.get("status").asText()) && !g.has("lock")
                    && g.get("template").asInt() == 0) {
                String path = "/nodes/" + g.get("node").asText() + "/qemu/" + g.get("vmid").asInt() + "/status/reboot";
                var a = http.post(path, Map.of(), root);
                assertEquals(500, a.status());
                assertEquals("VM " + g.get("vmid").asInt() + " not running", a.reason());
                assertEquals("VM " + g.get("vmid").asInt() + " not running\n", a.json().get("message").asText());
                return;
            }
        }
        throw new AssertionError("no stopped VM in the generated inventory");
    }

    @Test
    void requestsAreRecordedForContractTests() {
        pve.clearRequests();
        http.get("/version", root);
        List<RecordedRequest> seen = pve.requests();
        assertEquals(1, seen.size());
        assertEquals("/version", seen.getFirst().path());
        assertEquals(200, seen.getFirst().status());
    }
}
