package dev.rackside.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.Secret;
import dev.rackside.s3.profiles.RacksideFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    private static final String FP = "AB:".repeat(31) + "CD";

    @TempDir
    Path dir;

    @Test
    void addUpdatePinUnpinRemoveSurviveRestart() throws Exception {
        ProfileStore store = new ProfileStore(RacksideFolders.under(dir));
        ConnectionProfile lab = ConnectionProfile.token("Lab", "pve1.lab", "root@pam", "rackside");
        ConnectionProfile prod = ConnectionProfile.password("Prod", "pve.prod", "alice", "pve");
        store.put(lab);
        store.put(prod);
        store.put(lab.withPort(8443));
        store.pin(prod.id(), FP.toLowerCase().replace(":", ""));

        ProfileStore reopened = new ProfileStore(RacksideFolders.under(dir));
        assertEquals(2, reopened.list().size());
        assertEquals(8443, reopened.find(lab.id()).orElseThrow().port());
        assertEquals(FP, reopened.find(prod.id()).orElseThrow().pinnedFingerprint());
        assertEquals("alice@pve", reopened.find(prod.id()).orElseThrow().user());

        reopened.unpin(prod.id());
        reopened.remove(lab.id());
        ProfileStore last = new ProfileStore(RacksideFolders.under(dir));
        assertEquals(List.of(prod.id()), last.list().stream().map(ConnectionProfile::id).toList());
        assertNull(last.list().getFirst().pinnedFingerprint());
    }

    @Test
    void theSecretNeverReachesTheFile() throws Exception {
        String secret = "9f0e8d7c-secret-" + System.nanoTime();
        ProfileStore store = new ProfileStore(RacksideFolders.under(dir));
        InMemorySecretStore secrets = new InMemorySecretStore();
        ConnectionProfile p = ConnectionProfile.token("Lab", "pve1.lab", "root@pam", "rackside");
        store.put(p);
        secrets.store(p.id(), Secret.of(secret));
        store.pin(p.id(), FP);

        String json = Files.readString(store.file());
        assertTrue(json.contains("pve1.lab"), json);
        assertTrue(!json.contains(secret) && !json.contains("secret-"), json);
        assertEquals(secret, secrets.load(p.id()).orElseThrow().reveal());
    }

    @Test
    void corruptFileIsSetAsideAndReported() throws Exception {
        Path file = RacksideFolders.under(dir).config().resolve(ProfileStore.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json at all");
        ProfileStore store = new ProfileStore(file);
        assertTrue(store.list().isEmpty());
        assertTrue(store.loadWarning().isPresent());
        assertTrue(Files.exists(file.resolveSibling(ProfileStore.FILE_NAME + ".bak")));
    }
}
