package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.contract.ApiContract;
import dev.rackside.pvesim.contract.ReturnsValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Every renderer's output against the `returns` schema of PVE 9.1.3.
class ReturnsSchemaTest {

    private final ApiContract contract = ApiContract.load("9.1.3");

    private void check(String method, String path, JsonNode data, List<String> problems) {
        var match = contract.match(method, path).orElseThrow(() -> new AssertionError("no endpoint " + path));
        for (String p : ReturnsValidator.validate(match.endpoint(), data)) {
            problems.add(method + " " + path + ": " + p);
        }
    }

    @Test
    void everyRendererConformsToTheReturnsSchema() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        s.setNodeOnline("pve4", false);
        List<String> problems = new ArrayList<>();
        check("GET", "/cluster/resources", s.clusterResources(null, Visibility.all()), problems);
        check("GET", "/cluster/resources", s.clusterResources("vm", Visibility.none()), problems);
        check("GET", "/cluster/status", s.clusterStatus(), problems);
        check("GET", "/nodes", s.nodes(n -> "AA:BB", Visibility.all()), problems);
        check("GET", "/version", s.version(), problems);
        for (String node : List.of("pve1", "pve2", "pve3")) {
            check("GET", "/nodes/" + node + "/status", s.nodeStatus(node), problems);
            check("GET", "/nodes/" + node + "/qemu", s.guestList(node, GuestKind.QEMU, true, Visibility.all()),
                    problems);
            check("GET", "/nodes/" + node + "/lxc", s.guestList(node, GuestKind.LXC), problems);
        }
        for (Guest g : s.guests()) {
            if (g.node().equals("pve4")) {
                continue;
            }
            String base = "/nodes/" + g.node() + "/" + g.type().wire() + "/" + g.vmid();
            check("GET", base + "/status/current", s.guestStatus(g), problems);
            check("GET", base + "/config", s.guestConfig(g), problems);
        }
        assertEquals(List.of(), problems);
    }
}
