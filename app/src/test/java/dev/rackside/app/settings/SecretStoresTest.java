package dev.rackside.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.Secret;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretStoresTest {

    @Test
    void inMemoryStoresLoadsAndDeletes() {
        InMemorySecretStore store = new InMemorySecretStore();
        UUID id = UUID.randomUUID();
        assertTrue(store.available().available());
        assertTrue(store.load(id).isEmpty());
        store.store(id, Secret.of("s3cret"));
        assertEquals("s3cret", store.load(id).orElseThrow().reveal());
        store.store(id, Secret.of("rotated"));
        assertEquals("rotated", store.load(id).orElseThrow().reveal());
        store.delete(id);
        assertTrue(store.load(id).isEmpty());
    }

    @Test
    void bestAnswersWithinSecondsAndExplainsWhenThereIsNoKeychain() {
        SecretStore best = assertTimeoutPreemptively(Duration.ofSeconds(8), SecretStores::best);
        boolean noSessionBus = System.getenv("DBUS_SESSION_BUS_ADDRESS") == null
                && System.getProperty("os.name").startsWith("Linux");
        if (noSessionBus) {
            // The CI machine: no Secret Service, so nothing may be remembered, and the UI must say why.
            assertFalse(best.available().available());
        }
        if (!best.available().available()) {
            assertFalse(best.available().reason().isBlank());
            assertTrue(best.available().reason().length() > 30, best.available().reason());
            assertThrows(SecretStoreException.class, () -> best.store(UUID.randomUUID(), Secret.of("x")));
        }
    }

    @Test
    void backgroundProbeAnswersLikeTheDirectProbe() {
        long t0 = System.nanoTime();
        SecretStore deferred = SecretStores.bestInBackground();
        long handedBack = System.nanoTime() - t0;
        SecretStore direct = SecretStores.best();
        org.junit.jupiter.api.Assertions.assertTrue(handedBack < 100_000_000L,
                "start-up does not wait for the keychain probe (" + handedBack / 1_000_000 + " ms)");
        org.junit.jupiter.api.Assertions.assertEquals(direct.available(), deferred.available());
    }
}
