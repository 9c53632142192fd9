package dev.rackside.app.feature.s3.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.feature.s3.DemoServer;
import dev.rackside.app.feature.s3.S3Session;
import dev.rackside.app.feature.s3.endpoints.EndpointFormModel.Source;
import dev.rackside.app.feature.s3.endpoints.EndpointFormModel.Tone;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.RecordingNotifier;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.profiles.ProviderPreset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The endpoint form without a toolkit: presets, validation, and the engine's connection test
/// against the demo's real S3 server.
class EndpointFormModelTest {
    static DemoServer demo;
    static final Messages TEXT = Messages.of(EndpointFormModel.class);
    static final Messages OUTCOMES = Messages.of(EndpointsViewModel.class);

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() {
        demo = DemoServer.start();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    EndpointsViewModel vm(Background background) {
        return new EndpointsViewModel(dir.resolve("s3-endpoints.json"), new InMemorySecretStore(),
                FXCollections.<S3Session>observableArrayList(), background, new RecordingNotifier(), p -> EngineOptions.defaults(),
                List::of);
    }

    EndpointFormModel form() {
        EndpointFormModel f = new EndpointFormModel(vm(Background.direct()), null);
        f.name.set("Lab");
        f.preset.set(ProviderPreset.OTHER);
        f.endpoint.set(demo.url());
        f.accessKeyId.set(demo.accessKey());
        f.secretKey.set(demo.secretKey());
        return f;
    }

    @Test
    void presetsFillTheirDefaultsAndFollowTheRegion() {
        EndpointFormModel f = new EndpointFormModel(vm(Background.direct()), null);
        assertEquals(ProviderPreset.AWS, f.preset.get());
        assertEquals("", f.endpoint.get());
        f.preset.set(ProviderPreset.BACKBLAZE_B2);
        assertEquals("us-west-004", f.region.get());
        assertEquals("https://s3.us-west-004.backblazeb2.com", f.endpoint.get());
        assertFalse(f.pathStyle.get());
        f.region.set("eu-central-003");
        assertEquals("https://s3.eu-central-003.backblazeb2.com", f.endpoint.get());

        f.preset.set(ProviderPreset.MINIO);
        assertEquals("", f.endpoint.get(), "B2's URL is no use for MinIO");
        assertTrue(f.pathStyle.get());
        assertEquals("https://minio.example.lan:9000", f.endpointHint.get());
        f.endpoint.set("https://minio.lab:9000");
        f.preset.set(ProviderPreset.CLOUDFLARE_R2);
        assertEquals("auto", f.region.get());
        assertEquals("https://minio.lab:9000", f.endpoint.get(), "a typed URL is the operator's");
        f.preset.set(ProviderPreset.GARAGE);
        assertEquals("garage", f.region.get());
        assertTrue(f.pathStyle.get());
    }

    @Test
    void anEditedEndpointKeepsItsOwnUrlWhenThePresetChanges() {
        EndpointsViewModel vm = vm(Background.direct());
        var minio = dev.rackside.s3.profiles.EndpointProfile.create("Lab", ProviderPreset.MINIO, "https://minio.lab:9000", "us-east-1",
                true, new dev.rackside.s3.profiles.CredentialSource.KeychainKeys("AKID"));
        EndpointFormModel f = new EndpointFormModel(vm, minio);
        f.preset.set(ProviderPreset.GARAGE);
        assertEquals("https://minio.lab:9000", f.endpoint.get());
        var b2 = dev.rackside.s3.profiles.EndpointProfile.create("B2", ProviderPreset.BACKBLAZE_B2,
                "https://s3.us-west-004.backblazeb2.com", "us-west-004", false, new dev.rackside.s3.profiles.CredentialSource.KeychainKeys("K"));
        EndpointFormModel g = new EndpointFormModel(vm, b2);
        g.region.set("eu-central-003");
        assertEquals("https://s3.eu-central-003.backblazeb2.com", g.endpoint.get());
    }

    @Test
    void validationSaysWhatToFix() {
        EndpointFormModel f = form();
        f.name.set(" ");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.nameMissing"), f.diagnosis.get());
        assertEquals(Tone.DANGER, f.tone.get());

        f = form();
        f.endpoint.set("minio.lab:9000");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.endpointInvalid"), f.diagnosis.get());

        f = form();
        f.region.set("EU West");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.regionInvalid"), f.diagnosis.get());
        f = form();
        f.region.set("Lab_East"); // a MinIO region name
        assertTrue(f.toProfile().isPresent(), f.diagnosis.get());

        f = form();
        f.accessKeyId.set("");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.accessKeyMissing"), f.diagnosis.get());

        f = form();
        f.secretKey.set("");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.secretMissing"), f.diagnosis.get());

        f = form();
        f.source.set(Source.ASSUME_ROLE);
        f.roleArn.set("backup-role");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.roleArnInvalid"), f.diagnosis.get());
        f.roleArn.set("arn:aws:iam::123456789012:role/backup");
        assertTrue(f.toProfile().isPresent());

        f = form();
        f.source.set(Source.AWS_PROFILE);
        f.awsProfile.set("");
        assertFalse(f.save(() -> { }));
        assertEquals(TEXT.get("form.awsProfileMissing"), f.diagnosis.get());
        assertFalse(f.needsSecret());
    }

    @Test
    void theConnectionTestShowsTheEnginesDiagnosis() {
        EndpointFormModel f = form();
        f.testBucket.set("templates");
        f.test();
        assertEquals(Tone.SUCCESS, f.tone.get(), f.diagnosis.get());
        assertTrue(f.diagnosis.get().startsWith(OUTCOMES.get("outcome.OK") + ": Connected; reading and writing work."), f.diagnosis.get());
        assertTrue(f.diagnosis.get().contains("✓ write/read/delete probe"), f.diagnosis.get());

        f.secretKey.set("not-the-secret");
        f.test();
        assertEquals(Tone.DANGER, f.tone.get());
        assertTrue(f.diagnosis.get().startsWith(OUTCOMES.get("outcome.BAD_KEY") + ": The secret key does not match"), f.diagnosis.get());

        f.secretKey.set(demo.secretKey());
        f.testBucket.set("no-such-bucket");
        f.test();
        assertTrue(f.diagnosis.get().startsWith(OUTCOMES.get("outcome.BUCKET_NOT_FOUND")), f.diagnosis.get());

        f.testBucket.set("");
        f.endpoint.set("http://127.0.0.1:1");
        f.test();
        assertTrue(f.diagnosis.get().startsWith(OUTCOMES.get("outcome.CONNECTION_REFUSED")), f.diagnosis.get());
    }

    @Test
    void aTestCanBeStoppedAndItsLateAnswerIsIgnored() {
        List<Consumer<Object>> pending = new ArrayList<>();
        boolean[] cancelled = {false};
        Background held = new Background() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Cancellable submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                pending.add(r -> ((Consumer<Object>) onSuccess).accept(r));
                return () -> cancelled[0] = true;
            }
        };
        EndpointFormModel f = new EndpointFormModel(vm(held), null);
        f.name.set("Lab");
        f.preset.set(ProviderPreset.OTHER);
        f.endpoint.set(demo.url());
        f.accessKeyId.set(demo.accessKey());
        f.secretKey.set(demo.secretKey());
        f.test();
        assertTrue(f.testingProperty().get());
        assertEquals(TEXT.get("form.testing"), f.diagnosis.get());
        f.cancelTest();
        assertTrue(cancelled[0]);
        assertFalse(f.testingProperty().get());
        assertEquals(TEXT.get("form.testCancelled"), f.diagnosis.get());
        pending.getFirst().accept(new dev.rackside.s3.ConnectionReport(dev.rackside.s3.ConnectionReport.Outcome.OK, "Connected.",
                java.util.Optional.empty(), List.of()));
        assertEquals(TEXT.get("form.testCancelled"), f.diagnosis.get(), "a cancelled test's answer is not shown");
    }

    @Test
    void awsProfileNamesComeFromConfigAndCredentials() throws Exception {
        Path aws = dir.resolve(".aws");
        java.nio.file.Files.createDirectories(aws);
        java.nio.file.Files.writeString(aws.resolve("config"), """
                [default]
                region = eu-west-3
                [profile prod]
                sso_session = corp
                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                """);
        java.nio.file.Files.writeString(aws.resolve("credentials"), """
                [default]
                aws_access_key_id = AKID
                [backup]
                aws_access_key_id = AKID2
                """);
        assertEquals(List.of("backup", "default", "prod"), AwsProfileNames.find(java.util.Map.of(), dir));
        assertEquals(List.of(), AwsProfileNames.find(java.util.Map.of("AWS_CONFIG_FILE", "/nonexistent",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent"), dir));
    }
}
