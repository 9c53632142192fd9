package dev.rackside.app.feature.s3.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.feature.s3.DemoServer;
import dev.rackside.app.feature.s3.S3Session;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.RecordingNotifier;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.app.settings.SecretStores;
import dev.rackside.s3.BucketInfo;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.profiles.CredentialSource;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.EndpointProfileStore;
import dev.rackside.s3.profiles.ProviderPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Saved endpoints against the demo's real S3 server: add, edit, remove, load at start-up; the
/// secret key goes to the keychain and never to the file.
class EndpointsViewModelTest {
    static DemoServer demo;
    static final Messages TEXT = Messages.of(EndpointsViewModel.class);

    @TempDir
    Path dir;
    final InMemorySecretStore keychain = new InMemorySecretStore();
    final ObservableList<S3Session> sessions = FXCollections.observableArrayList();
    final RecordingNotifier notifier = new RecordingNotifier();
    EndpointsViewModel vm;

    @BeforeAll
    static void startDemo() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @AfterEach
    void closeEngines() {
        if (vm != null) {
            vm.close();
        }
    }

    Path file() {
        return dir.resolve("config/s3-endpoints.json");
    }

    EndpointsViewModel vm(SecretStore secrets) {
        vm = new EndpointsViewModel(file(), secrets, sessions, Background.direct(), notifier, p -> EngineOptions.defaults(),
                () -> List.of("default", "prod"));
        vm.loadSaved();
        return vm;
    }

    static EndpointFormModel filled(EndpointsViewModel vm, String secret) {
        EndpointFormModel form = new EndpointFormModel(vm, null);
        form.name.set("Lab MinIO");
        form.preset.set(ProviderPreset.MINIO);
        form.endpoint.set(demo.url());
        form.accessKeyId.set(demo.accessKey());
        form.secretKey.set(secret);
        return form;
    }

    static List<String> buckets(S3Session s) {
        return s.engine().listBuckets().stream().map(BucketInfo::name).sorted().toList();
    }

    @Test
    void addSavesTheProfileAndPutsTheSecretInTheKeychainOnly() throws Exception {
        vm(keychain);
        boolean[] closed = {false};
        assertTrue(filled(vm, demo.secretKey()).save(() -> closed[0] = true));
        assertTrue(closed[0]);

        EndpointProfile saved = vm.profiles().getFirst();
        assertEquals(new CredentialSource.KeychainKeys(demo.accessKey()), saved.credentials());
        assertTrue(saved.pathStyle(), "MinIO's preset turns path-style on");
        assertEquals(demo.secretKey(), keychain.load(saved.id()).orElseThrow().reveal());
        String json = Files.readString(file());
        assertTrue(json.contains(demo.accessKey()) && !json.contains(demo.secretKey()), json);

        assertEquals(1, sessions.size());
        assertEquals(saved.id().toString(), sessions.getFirst().id());
        assertEquals(List.of("iso-images", "templates", "vm-backups"), buckets(sessions.getFirst()));
        assertEquals(List.of(TEXT.get("saved", "Lab MinIO")), notifier.infos);
    }

    @Test
    void editWithABlankSecretKeepsTheSavedOneAndReplacesTheSession() {
        vm(keychain);
        filled(vm, demo.secretKey()).save(() -> { });
        S3Session before = sessions.getFirst();

        EndpointFormModel edit = new EndpointFormModel(vm, vm.profiles().getFirst());
        assertEquals(demo.url(), edit.endpoint.get());
        assertEquals("", edit.secretKey.get());
        edit.name.set("MinIO (lab)");
        assertTrue(edit.save(() -> { }));

        assertEquals(1, vm.profiles().size());
        assertEquals("MinIO (lab)", vm.profiles().getFirst().name());
        assertEquals(1, sessions.size());
        assertTrue(sessions.getFirst() != before, "the session is reopened with the new settings");
        assertEquals("MinIO (lab)", sessions.getFirst().name());
        assertEquals(3, buckets(sessions.getFirst()).size());
    }

    @Test
    void anEditWaitsUntilTheEndpointsTransfersArePausedOrDone() throws Exception {
        // Throttled, so the upload is still running when the operator saves the edit.
        vm = new EndpointsViewModel(file(), keychain, sessions, Background.direct(), notifier,
                p -> EngineOptions.builder().journal(dir.resolve("transfers.db")).uploadLimit(256 * 1024).build(),
                () -> List.of());
        vm.loadSaved();
        filled(vm, demo.secretKey()).save(() -> { });
        S3Session before = sessions.getFirst();
        Path file = dir.resolve("seed.img");
        Files.write(file, new byte[4 * 1024 * 1024]);
        var upload = before.engine().transfers().upload(file, "templates", "busy/seed.img");

        EndpointFormModel edit = new EndpointFormModel(vm, vm.profiles().getFirst());
        edit.name.set("MinIO (renamed)");
        assertFalse(edit.save(() -> { }), "saving would reconnect the endpoint under a running upload");
        assertEquals(EndpointFormModel.Tone.DANGER, edit.tone.get());
        assertTrue(edit.diagnosis.get().startsWith("1 transfer is queued or running"), edit.diagnosis.get());
        assertTrue(sessions.getFirst() == before, "nothing was replaced");
        assertEquals("Lab MinIO", vm.profiles().getFirst().name());

        upload.pause();
        assertTrue(edit.save(() -> { }), "a paused transfer resumes later from the journal");
        assertEquals("MinIO (renamed)", vm.profiles().getFirst().name());
    }

    @Test
    void removeForgetsTheProfileTheSessionAndTheSecret() throws Exception {
        vm(keychain);
        filled(vm, demo.secretKey()).save(() -> { });
        EndpointProfile p = vm.profiles().getFirst();
        vm.remove(p);
        assertTrue(vm.profiles().isEmpty());
        assertTrue(sessions.isEmpty());
        assertTrue(keychain.load(p.id()).isEmpty());
        assertTrue(EndpointProfileStore.read(file()).list().isEmpty());
    }

    @Test
    void savedEndpointsOpenAtStartUpWithTheirKeychainSecret() throws Exception {
        EndpointProfile lab = EndpointProfile.create("Lab", ProviderPreset.GARAGE, demo.url(), "us-east-1", true,
                new CredentialSource.KeychainKeys(demo.accessKey()));
        EndpointProfile lost = EndpointProfile.create("Lost secret", ProviderPreset.MINIO, demo.url(), "us-east-1", true,
                new CredentialSource.KeychainKeys(demo.accessKey()));
        EndpointProfileStore store = EndpointProfileStore.read(file());
        store.put(lab);
        store.put(lost);
        keychain.store(lab.id(), dev.rackside.proxmox.Secret.of(demo.secretKey()));

        vm(keychain);
        assertEquals(List.of(lab, lost), vm.profiles());
        assertEquals(List.of("Lab", "Lost secret"), sessions.stream().map(S3Session::name).toList());
        assertEquals(3, buckets(sessions.get(0)).size());
        var e = assertThrows(S3EngineException.Misconfigured.class, () -> sessions.get(1).engine().listBuckets());
        assertTrue(e.getMessage().contains("not in this computer's keychain"), e.getMessage());
        assertEquals(lost, vm.profileOf(sessions.get(1)).orElseThrow());
    }

    @Test
    void withoutAKeychainTheSecretLastsThisRunAndTheOperatorIsTold() throws Exception {
        vm(SecretStores.unavailable("no Secret Service on this machine"));
        EndpointFormModel form = filled(vm, demo.secretKey());
        assertTrue(form.keychainProblem().contains("no Secret Service"), form.keychainProblem());
        assertTrue(form.save(() -> { }));
        assertEquals(1, notifier.warnings.size());
        assertTrue(notifier.warnings.getFirst().contains("no Secret Service"), notifier.warnings.getFirst());
        assertEquals(3, buckets(sessions.getFirst()).size(), "the typed secret works for this run");
        assertFalse(Files.readString(file()).contains(demo.secretKey()));
    }

    @Test
    void anAwsProfileEndpointLeavesNoSecretBehind() throws Exception {
        vm(keychain);
        filled(vm, demo.secretKey()).save(() -> { });
        EndpointProfile p = vm.profiles().getFirst();
        EndpointFormModel edit = new EndpointFormModel(vm, p);
        edit.source.set(EndpointFormModel.Source.AWS_PROFILE);
        assertEquals("default", edit.awsProfile.get());
        edit.awsProfile.set("prod");
        assertTrue(edit.save(() -> { }));
        assertEquals(new CredentialSource.AwsProfile("prod"), vm.profiles().getFirst().credentials());
        assertTrue(keychain.load(p.id()).isEmpty(), "the old secret key was deleted");
    }

    @Test
    void testingASavedEndpointReportsItsVerdict() {
        vm(keychain);
        filled(vm, demo.secretKey()).save(() -> { });
        notifier.infos.clear();
        vm.test(sessions.getFirst());
        assertEquals(1, notifier.infos.size());
        assertTrue(notifier.infos.getFirst().startsWith("Lab MinIO — " + TEXT.get("outcome.OK")), notifier.infos.getFirst());
    }

    @Test
    void everyOutcomeHasAHeadline() {
        for (var o : dev.rackside.s3.ConnectionReport.Outcome.values()) {
            assertFalse(TEXT.get("outcome." + o.name()).startsWith("!"), o.name());
            assertFalse(Messages.of(EndpointsViewModel.class, java.util.Locale.FRENCH).get("outcome." + o.name()).startsWith("!"), o.name());
        }
    }
}
