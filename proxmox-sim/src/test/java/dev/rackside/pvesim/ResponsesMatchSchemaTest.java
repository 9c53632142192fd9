package dev.rackside.pvesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.contract.ApiContract;
import dev.rackside.pvesim.contract.ReturnsValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Every GET endpoint the simulator implements answers, over HTTPS, data that conforms to the
/// official 9.1.3 `returns` schema, for running and stopped guests of both kinds.
class ResponsesMatchSchemaTest {
    private static SimulatedCluster pve;
    private static RawHttp http;
    private static Map<String, String> root;
    private static final ApiContract CONTRACT = ApiContract.load("9.1.3");

    @BeforeAll
    static void start() {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(3, 40).fast());
        http = new RawHttp(pve);
        root = Map.of("Authorization", RawHttp.tokenHeader(pve));
    }

    @AfterAll
    static void stop() {
        pve.close();
    }

    @Test
    void everyImplementedGetConformsToItsReturnsSchema() {
        List<String> paths = new ArrayList<>(List.of("/version", "/cluster/status", "/cluster/resources",
                "/cluster/resources?type=vm", "/cluster/resources?type=node", "/cluster/resources?type=storage",
                "/cluster/log?max=20", "/cluster/tasks", "/nodes", "/access/domains", "/access/ticket"));
        for (String node : pve.nodeNames()) {
            paths.addAll(List.of("/nodes/" + node + "/status", "/nodes/" + node + "/qemu", "/nodes/" + node + "/qemu?full=1",
                    "/nodes/" + node + "/lxc", "/nodes/" + node + "/tasks?source=all", "/nodes/" + node + "/rrddata?timeframe=hour",
                    "/nodes/" + node + "/rrddata?timeframe=decade&cf=MAX"));
        }
        JsonNode guests = http.get("/cluster/resources?type=vm", root).json().get("data");
        for (JsonNode g : guests) {
            String base = "/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + g.get("vmid").asInt();
            paths.addAll(List.of(base + "/status/current", base + "/config", base + "/rrddata?timeframe=day"));
            if ("running".equals(g.get("status").asText())) {
                boolean qemu = "qemu".equals(g.get("type").asText());
                boolean agent = qemu && "1".equals(http.get(base + "/config", root).json().at("/data/agent").asText().split(",")[0]
                        .replace("enabled=", ""));
                if (!qemu) {
                    paths.add(base + "/interfaces");
                } else if (agent) {
                    paths.add(base + "/agent/network-get-interfaces");
                }
            }
        }
        // a task, so that status and log are exercised too
        JsonNode anyVm = guests.get(0);
        String start = "/nodes/" + anyVm.get("node").asText() + "/" + anyVm.get("type").asText() + "/" + anyVm.get("vmid").asInt() + "/status/start";
        String upid = http.post(start, Map.of(), root).json().get("data").asText();
        String taskBase = "/nodes/" + anyVm.get("node").asText() + "/tasks/" + upid;
        paths.addAll(List.of(taskBase + "/status", taskBase + "/log?start=0&limit=0"));

        Set<String> covered = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String p : paths) {
            var a = http.get(p, root);
            assertEquals(200, a.status(), p + " -> " + a.reason());
            String pathOnly = p.contains("?") ? p.substring(0, p.indexOf('?')) : p;
            var endpoint = CONTRACT.match("GET", pathOnly).orElseThrow().endpoint();
            covered.add(endpoint.key());
            for (String problem : ReturnsValidator.validate(endpoint, a.json().get("data"))) {
                problems.add(p + ": " + problem);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Set<String> gets = new TreeSet<>(pve.implementedEndpoints().stream().filter(k -> k.startsWith("GET ")).toList());
        assertEquals(gets, covered, "each implemented GET endpoint needs a probe here");
    }

    @Test
    void rrdHasPve9LayoutAndColumns() {
        JsonNode rows = http.get("/nodes/" + pve.localNode() + "/rrddata?timeframe=hour", root).json().get("data");
        assertEquals(60, rows.size(), "PVE 9 keeps 60 one-minute rows for an hour");
        assertEquals(60, rows.get(1).get("time").asLong() - rows.get(0).get("time").asLong());
        assertTrue(rows.get(rows.size() - 1).has("memavailable"), "PVE 9 node RRD has memavailable");
        JsonNode guests = http.get("/cluster/resources?type=vm", root).json().get("data");
        for (JsonNode g : guests) {
            if ("stopped".equals(g.get("status").asText())) {
                String p = "/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + g.get("vmid").asInt() + "/rrddata?timeframe=hour";
                for (JsonNode row : http.get(p, root).json().get("data")) {
                    assertFalse(row.has("cpu"), "a stopped guest has no cpu samples: " + row);
                    assertTrue(row.has("maxmem"));
                }
                return;
            }
        }
        throw new AssertionError("no stopped guest generated");
    }

    @Test
    void guestNetworkAnswersAsPveDoesForStoppedAndAgentlessGuests() {
        JsonNode guests = http.get("/cluster/resources?type=vm", root).json().get("data");
        boolean sawStoppedCt = false;
        boolean sawAgentless = false;
        for (JsonNode g : guests) {
            String base = "/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + g.get("vmid").asInt();
            boolean running = "running".equals(g.get("status").asText());
            if ("lxc".equals(g.get("type").asText()) && !running && !sawStoppedCt) {
                var a = http.get(base + "/interfaces", root);
                assertEquals(200, a.status());
                assertTrue(a.json().get("data").isNull(), "pve-container answers null for a stopped container");
                sawStoppedCt = true;
            }
            if ("qemu".equals(g.get("type").asText()) && !running && !sawAgentless) {
                var a = http.get(base + "/agent/network-get-interfaces", root);
                assertEquals(500, a.status());
                assertTrue(a.reason().equals("VM " + g.get("vmid").asInt() + " is not running")
                        || a.reason().equals("No QEMU guest agent configured"), a.reason());
                sawAgentless = true;
            }
        }
        assertTrue(sawStoppedCt && sawAgentless, "the inventory has a stopped container and a stopped VM");
    }

    @Test
    void guestRrdRefusesDecadeAsPveDoes() {
        JsonNode g = http.get("/cluster/resources?type=vm", root).json().get("data").get(0);
        var a = http.get("/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + g.get("vmid").asInt()
                + "/rrddata?timeframe=decade", root);
        assertEquals(400, a.status());
        assertTrue(a.json().at("/errors/timeframe").asText().contains("does not have a value in the enumeration"));
    }

    @Test
    void startsAndStopsWellUnderASecond() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (SimulatedCluster s = SimulatedCluster.start(SimulatorOptions.defaults())) {
                assertTrue(s.port() > 0);
            }
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertTrue(Duration.ofNanos(best).toMillis() < 1000, "start+stop took " + Duration.ofNanos(best).toMillis() + " ms");
    }
}
