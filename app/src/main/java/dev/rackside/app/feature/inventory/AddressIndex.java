package dev.rackside.app.feature.inventory;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.fx.Background;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.model.GuestInterface;
import dev.rackside.proxmox.model.GuestRef;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/// Guests' IP addresses, asked from the guest agent or the container only when the operator
/// searches for an address: /cluster/resources has none, and asking every guest on every refresh
/// would multiply a 5,000-guest refresh by 5,000 requests. A sweep asks each running guest once,
/// a few at a time, and is not repeated for a while.
final class AddressIndex {
    private static final Duration FRESH = Duration.ofMinutes(5);
    private static final int PARALLEL = 8;

    /// What a guest answered: its addresses, or why there are none.
    record Answer(List<String> addresses, String note) {
    }

    private final Background background;
    private final InstantSource clock;
    private Instant lastSweep = Instant.MIN;
    private boolean sweeping;

    AddressIndex(Background background, InstantSource clock) {
        this.background = background;
        this.clock = clock;
    }

    /// Starts a sweep over the running guests unless one ran recently; `done` runs on the UI thread.
    void sweepIfStale(List<GuestRow> guests, Function<String, ClusterSession> sessionOf, Runnable done) {
        if (sweeping || Duration.between(lastSweep, clock.instant()).compareTo(FRESH) < 0) {
            return;
        }
        sweeping = true;
        List<GuestRow> running = guests.stream().filter(GuestRow::running).toList();
        background.submit(() -> sweep(running, sessionOf), answers -> {
            answers.forEach(GuestRow::setAddresses);
            lastSweep = clock.instant();
            sweeping = false;
            done.run();
        }, failure -> sweeping = false);
    }

    private static Map<GuestRow, List<String>> sweep(List<GuestRow> running, Function<String, ClusterSession> sessionOf)
            throws InterruptedException {
        Semaphore slots = new Semaphore(PARALLEL);
        Map<GuestRow, Future<Answer>> pending = new java.util.LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (GuestRow row : running) {
                ClusterSession s = sessionOf.apply(row.clusterId());
                if (s == null) {
                    continue;
                }
                slots.acquire();
                pending.put(row, pool.submit(() -> {
                    try {
                        return fetch(s, row.ref());
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        Map<GuestRow, List<String>> out = new java.util.LinkedHashMap<>();
        pending.forEach((row, f) -> out.put(row, f.resultNow().addresses()));
        return out;
    }

    /// Asks one guest. Refusals (no agent, agent not running, stopped) become a note, not an error.
    static Answer fetch(ClusterSession s, GuestRef ref) {
        try {
            List<String> addresses = new ArrayList<>();
            for (GuestInterface nic : s.client().guests().interfaces(ref)) {
                nic.addresses().stream().filter(a -> !a.local()).forEach(a -> addresses.add(a.address()));
            }
            return new Answer(List.copyOf(addresses), "");
        } catch (ProxmoxException e) {
            return new Answer(List.of(), e.getMessage());
        }
    }
}
