package dev.rackside.pvesim.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rackside.pvesim.SimClock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Predicate;

/// Shared helpers: a clock pinned to one instant that tests move by hand, and lookups.
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    private Fixtures() {
    }

    static SimClock clock() {
        return new SimClock(InstantSource.fixed(T0));
    }

    static ClusterState small(SimClock clock) {
        return ClusterState.generate(4, 60, 42L, clock);
    }

    static Guest first(ClusterState s, Predicate<Guest> p) {
        return s.guests().stream().filter(p).findFirst().orElseThrow();
    }

    static JsonNode row(JsonNode rows, String id) {
        for (JsonNode r : rows) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no row " + id);
    }

    static boolean running(Guest g) {
        return g.runState() == RunState.RUNNING && !g.template();
    }
}
