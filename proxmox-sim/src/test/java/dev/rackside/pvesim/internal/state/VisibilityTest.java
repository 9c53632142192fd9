package dev.rackside.pvesim.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void withoutAnyAclOnlyStrippedNodeRowsRemain() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        JsonNode rows = s.clusterResources(null, Visibility.none());
        assertEquals(4, rows.size());
        for (JsonNode r : rows) {
            List<String> keys = new ArrayList<>();
            r.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            assertEquals(List.of("cgroup-mode", "id", "level", "node", "status", "type"), keys);
        }
        for (JsonNode r : s.nodes(n -> "fp", Visibility.none())) {
            assertFalse(r.has("cpu"));
            assertFalse(r.has("maxmem"));
            assertTrue(r.has("ssl_fingerprint"));
        }
    }

    @Test
    void poolFieldNeedsPoolAuditAndGuestsNeedVmAudit() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        Guest pooled = Fixtures.first(s, g -> g.pool() != null);
        Visibility vmOnly = (path, priv) -> path.equals("/vms/" + pooled.vmid()) && priv.equals("VM.Audit");
        JsonNode rows = s.clusterResources("vm", vmOnly);
        assertEquals(1, rows.size());
        assertFalse(rows.get(0).has("pool"));
        Visibility withPool = (path, priv) -> vmOnly.canSee(path, priv)
                || (path.equals("/pool/" + pooled.pool()) && priv.equals("Pool.Audit"));
        JsonNode all = s.clusterResources(null, withPool);
        assertEquals(pooled.pool(), Fixtures.row(all, pooled.resourceId()).get("pool").asText());
        assertEquals("pool", Fixtures.row(all, "/pool/" + pooled.pool()).get("type").asText());
        assertEquals(1, s.guestList(pooled.node(), pooled.type(), false, vmOnly).size());
    }

    @Test
    void storageAndNetworkRowsNeedTheirPrivileges() {
        ClusterState s = Fixtures.small(Fixtures.clock());
        Visibility storage = (path, priv) -> path.equals("/storage/nfs-backup") && priv.equals("Datastore.Audit");
        JsonNode rows = s.clusterResources("storage", storage);
        assertEquals(4, rows.size());
        rows.forEach(r -> assertEquals(1, r.get("shared").asInt()));
        Visibility sdn = (path, priv) -> path.equals("/sdn/zones/localnetwork") && priv.equals("SDN.Audit");
        long network = 0;
        for (JsonNode r : s.clusterResources(null, sdn)) {
            network += r.get("type").asText().equals("network") ? 1 : 0;
        }
        assertEquals(4, network);
        // PVE 9.1 nodes report their zones as "network" rows, so the legacy sdn filter finds none
        assertEquals(0, s.clusterResources("sdn", Visibility.all()).size());
    }
}
