package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.feature.s3.endpoints.EndpointFormModel;
import dev.rackside.app.feature.s3.endpoints.EndpointsViewModel;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.RecordingNotifier;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import dev.rackside.s3.TransferState;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.ProviderPreset;
import dev.rackside.s3.profiles.UploadEncryption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An endpoint saved with "encrypt on this computer": its key is made by the form, kept in the
/// keychain (never in the endpoints file), used for every upload from the browser and for reading
/// them back, also after a restart; without the key nothing is uploaded in clear.
class EncryptedEndpointTest {
    static DemoServer demo;

    @TempDir
    Path dir;
    final InMemorySecretStore keychain = new InMemorySecretStore();
    final ObservableList<S3Session> sessions = FXCollections.observableArrayList();
    final RecordingNotifier notifier = new RecordingNotifier();
    EndpointsViewModel endpoints;
    S3BrowserViewModel browser;
    S3Fixture.Ui ui;

    @BeforeAll
    static void startDemo() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.transfers().close();
        }
        if (endpoints != null) {
            endpoints.close();
        }
    }

    void open() {
        if (endpoints != null) {
            browser.transfers().close();
            endpoints.close();
            sessions.clear();
        }
        endpoints = new EndpointsViewModel(dir.resolve("config/s3-endpoints.json"), keychain, sessions, Background.direct(),
                notifier, p -> EngineOptions.builder().journal(dir.resolve("journal-" + p.id() + ".db")).build(), List::of);
        endpoints.loadSaved();
        ui = new S3Fixture.Ui();
        browser = new S3BrowserViewModel(sessions, Background.direct(), notifier, ui);
    }

    EndpointFormModel form(UploadEncryption.Mode mode) {
        EndpointFormModel f = new EndpointFormModel(endpoints, null);
        f.name.set("Sealed lab");
        f.preset.set(ProviderPreset.MINIO);
        f.endpoint.set(demo.url());
        f.accessKeyId.set(demo.accessKey());
        f.secretKey.set(demo.secretKey());
        f.encryption.mode.set(mode);
        return f;
    }

    void await(List<TransferRow> rows) {
        ui.until(() -> rows.stream().allMatch(r -> r.stateProperty().get().finished()), 30, "transfers");
        rows.forEach(r -> assertEquals(TransferState.COMPLETED, r.stateProperty().get(), r.problemProperty().get()));
    }

    @Test
    void uploadsAreCiphertextOnTheServerAndReadBackWithTheKeychainKey() throws Exception {
        open();
        EndpointFormModel f = form(UploadEncryption.Mode.CLIENT_SIDE);
        String key = f.encryption.key.get();
        assertEquals(44, key.length(), "choosing client-side makes a key");
        assertEquals(Optional.of(key), f.encryption.keyToCopy());
        assertTrue(f.save(() -> { }), f.diagnosis.get());
        EndpointProfile saved = endpoints.profiles().getFirst();
        assertEquals(key, keychain.load(saved.clientKeyAccount()).orElseThrow().reveal());
        assertFalse(Files.readString(dir.resolve("config/s3-endpoints.json")).contains(key), "never in the endpoints file");

        Path folder = dir.resolve("secrets");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("root-password.txt"), "hunter2\n".repeat(100));
        S3Session s = sessions.getFirst();
        demo.s3().engine().createBucket("sealed");
        browser.transfers().upload(s, "sealed", "", List.of(folder));
        await(browser.transfers().rows());

        var meta = s.engine().head("sealed", "secrets/root-password.txt");
        assertTrue(meta.clientSideEncrypted(), meta.userMetadata().toString());
        var plain = demo.s3().engine().transfers().download("sealed", "secrets/root-password.txt", dir.resolve("no-key.txt"));
        var e = assertThrows(S3EngineException.class, plain::await);
        assertTrue(e.getMessage().contains("encrypted on the client"), e.getMessage());

        // After a restart the key comes from the keychain, and the browser's download decrypts.
        open();
        S3Session again = sessions.getFirst();
        assertEquals(Optional.of(ClientSideKey.fromText(key)), again.clientKey());
        ObjectRow row = ObjectRow.object(new dev.rackside.s3.ObjectInfo("secrets/root-password.txt", meta.size(),
                meta.lastModified(), meta.etag(), "STANDARD"), "secrets/");
        browser.transfers().download(again, "sealed", List.of(row), dir.resolve("back"));
        await(browser.transfers().rows());
        assertEquals("hunter2\n".repeat(100), Files.readString(dir.resolve("back/root-password.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void withoutItsKeyAnEncryptingEndpointUploadsNothing() throws Exception {
        open();
        assertTrue(form(UploadEncryption.Mode.CLIENT_SIDE).save(() -> { }));
        EndpointProfile saved = endpoints.profiles().getFirst();
        keychain.delete(saved.clientKeyAccount());
        // A fresh start on a computer whose keychain lacks the key (this run's copy went with the old view model).
        endpoints.close();
        sessions.clear();
        endpoints = null;
        open();
        S3Session s = sessions.getFirst();
        assertTrue(s.missingClientKey());
        assertTrue(notifier.warnings.stream().anyMatch(w -> w.contains("not in this computer's keychain")), notifier.warnings.toString());
        Path f = Files.writeString(dir.resolve("plain.txt"), "secret");
        browser.transfers().upload(s, "iso-images", "", List.of(f));
        assertTrue(browser.transfers().rows().isEmpty(), "nothing queued");
        assertTrue(notifier.warnings.getLast().startsWith("Nothing was uploaded"), notifier.warnings.getLast());
    }

    @Test
    void kmsAndSseS3AreAskedOfTheServerAndAKeyIsCheckedBeforeSaving() throws Exception {
        open();
        EndpointFormModel f = form(UploadEncryption.Mode.SSE_KMS);
        f.encryption.kmsKeyId.set(" alias/backups ");
        assertEquals(new UploadEncryption(UploadEncryption.Mode.SSE_KMS, "alias/backups"), f.toProfile().orElseThrow().encryption());
        assertEquals(new Encryption.SseKms(Optional.of("alias/backups")), f.toProfile().orElseThrow().encryption().serverSide());
        f.encryption.kmsKeyId.set("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertTrue(f.toProfile().isPresent(), f.diagnosis.get());
        for (String bad : java.util.List.of("alias/my backups", "alias/\"x", "$(id)")) {
            f.encryption.kmsKeyId.set(bad);
            assertTrue(f.toProfile().isEmpty(), bad);
            assertTrue(f.diagnosis.get().startsWith("A KMS key ID has no spaces or quotes"), f.diagnosis.get());
        }

        EndpointFormModel pasted = form(UploadEncryption.Mode.CLIENT_SIDE);
        pasted.encryption.key.set("not a key");
        assertFalse(pasted.save(() -> { }));
        assertTrue(pasted.diagnosis.get().startsWith("This is not a Rackside client-side key"), pasted.diagnosis.get());
        ClientSideKey other = ClientSideKey.generate();
        pasted.encryption.key.set(other.toText().substring(0, 22) + "\n" + other.toText().substring(22));
        assertTrue(pasted.save(() -> { }), pasted.diagnosis.get());
        assertEquals(Optional.of(other), sessions.getFirst().clientKey(), "a key pasted from another computer is used as is");

        // Editing keeps the key unless a new one is made, and says what a new one would cost.
        EndpointFormModel edit = new EndpointFormModel(endpoints, endpoints.profiles().getFirst());
        assertEquals("", edit.encryption.key.get());
        assertEquals(Optional.of(other.toText()), edit.encryption.keyToCopy());
        edit.encryption.newKey();
        assertTrue(edit.encryption.noteProperty().get().startsWith("This replaces the endpoint's key"));
        edit.encryption.mode.set(UploadEncryption.Mode.SSE_S3);
        edit.encryption.key.set("");
        assertTrue(edit.encryption.noteProperty().get().startsWith("Objects encrypted on this computer before stay readable"));
        assertTrue(edit.save(() -> { }));
        assertEquals(new Encryption.SseS3(), sessions.getFirst().encryption().serverSide());
        assertEquals(Optional.of(other), sessions.getFirst().clientKey(), "kept for the objects it encrypted");
        assertEquals(Optional.empty(), sessions.getFirst().uploadKey());
    }

    @Test
    void anUploadLinkOfAnEncryptingEndpointSaysItsFilesArriveUnencrypted() throws Exception {
        open();
        assertTrue(form(UploadEncryption.Mode.CLIENT_SIDE).save(() -> { }));
        S3Session s = sessions.getFirst();
        browser.open(s, "iso-images");
        S3Fixture.Scripted prompts = new S3Fixture.Scripted();
        prompts.uploadLink = Optional.of(new S3Prompts.UploadLink("inbox/report.csv", java.time.Duration.ofMinutes(5)));
        browser.actions().uploadLink(null, prompts, link -> { });
        assertTrue(notifier.infos.getLast().endsWith("not encrypted by Rackside."), notifier.infos.getLast());
    }

    @Test
    void anUploadLinkOfAnSseEndpointOnlyWorksWithItsSignedHeader() throws Exception {
        open();
        assertTrue(form(UploadEncryption.Mode.SSE_S3).save(() -> { }));
        browser.open(sessions.getFirst(), "iso-images");
        S3Fixture.Scripted prompts = new S3Fixture.Scripted();
        prompts.uploadLink = Optional.of(new S3Prompts.UploadLink("inbox/sse.csv", java.time.Duration.ofMinutes(5)));
        java.util.concurrent.atomic.AtomicReference<String> copied = new java.util.concurrent.atomic.AtomicReference<>();
        browser.actions().uploadLink(null, prompts, copied::set);
        // The clipboard gets a command that sends the header, not a bare link that would earn a 403.
        String prefix = "curl -T \"<file>\" -H \"x-amz-server-side-encryption: AES256\" \"";
        assertTrue(copied.get().startsWith(prefix) && copied.get().endsWith("\""), copied.get());
        assertTrue(notifier.infos.getLast().startsWith("Upload command for inbox/sse.csv copied")
                && notifier.infos.getLast().endsWith("the signed headers it sends: -H \"x-amz-server-side-encryption: AES256\""),
                notifier.infos.getLast());
        String link = copied.get().substring(prefix.length(), copied.get().length() - 1);

        var http = java.net.http.HttpClient.newHttpClient();
        var body = java.net.http.HttpRequest.BodyPublishers.ofString("a,b");
        var bare = java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).PUT(body).build();
        assertEquals(403, http.send(bare, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(),
                "a link used without the header is refused rather than stored without SSE");
        var withHeader = java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                .header("x-amz-server-side-encryption", "AES256").PUT(body).build();
        // A fresh client: S3Proxy may close the connection after the refusal, failing a reused one.
        assertEquals(200, java.net.http.HttpClient.newHttpClient().send(withHeader,
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void aKeyTheKeychainDidNotGiveIsLeftAsItIsWhenTheEndpointIsEdited() throws Exception {
        open();
        assertTrue(form(UploadEncryption.Mode.CLIENT_SIDE).save(() -> { }));
        EndpointProfile saved = endpoints.profiles().getFirst();
        String original = keychain.load(saved.clientKeyAccount()).orElseThrow().reveal();
        browser.transfers().close();
        endpoints.close();
        sessions.clear();
        // The next start: the keychain refuses the client key (locked), then the operator renames the endpoint.
        dev.rackside.app.settings.SecretStore locked = new dev.rackside.app.settings.SecretStore() {
            @Override
            public Availability available() {
                return Availability.yes();
            }

            @Override
            public void store(java.util.UUID id, dev.rackside.proxmox.Secret secret) {
                keychain.store(id, secret);
            }

            @Override
            public Optional<dev.rackside.proxmox.Secret> load(java.util.UUID id) throws dev.rackside.app.settings.SecretStoreException {
                if (id.equals(saved.clientKeyAccount())) {
                    throw new dev.rackside.app.settings.SecretStoreException("the keychain is locked", null);
                }
                return keychain.load(id);
            }

            @Override
            public void delete(java.util.UUID id) {
                keychain.delete(id);
            }
        };
        endpoints = new EndpointsViewModel(dir.resolve("config/s3-endpoints.json"), locked, sessions, Background.direct(),
                notifier, p -> EngineOptions.defaults(), List::of);
        endpoints.loadSaved();
        browser = new S3BrowserViewModel(sessions, Background.direct(), notifier, ui);
        assertTrue(sessions.getFirst().missingClientKey());
        assertTrue(notifier.warnings.stream().anyMatch(w -> w.contains("the keychain is locked")), notifier.warnings.toString());

        EndpointFormModel edit = new EndpointFormModel(endpoints, saved);
        assertEquals("", edit.encryption.key.get(), "no new key is made in its place");
        assertTrue(edit.encryption.noteProperty().get().startsWith("This computer's keychain did not give"),
                edit.encryption.noteProperty().get());
        edit.name.set("Sealed lab (renamed)");
        assertTrue(edit.save(() -> { }), edit.diagnosis.get());
        assertEquals(original, keychain.load(saved.clientKeyAccount()).orElseThrow().reveal(), "the key in the keychain is untouched");
        edit = new EndpointFormModel(endpoints, endpoints.profiles().getFirst());
        edit.encryption.newKey();
        assertTrue(edit.encryption.noteProperty().get().startsWith("This replaces the endpoint's key"));
    }

    @Test
    void removingAnEndpointDeletesItsClientSideKeyToo() throws Exception {
        open();
        assertTrue(form(UploadEncryption.Mode.CLIENT_SIDE).save(() -> { }));
        EndpointProfile saved = endpoints.profiles().getFirst();
        assertTrue(keychain.load(saved.clientKeyAccount()).isPresent());
        endpoints.remove(saved);
        assertTrue(keychain.load(saved.clientKeyAccount()).isEmpty());
        assertTrue(keychain.load(saved.id()).isEmpty());
    }
}
