package dev.rackside.app.feature.s3.endpoints;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.ConnectionReport;
import dev.rackside.s3.Secret;
import dev.rackside.s3.profiles.CredentialSource;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.ProviderPreset;
import dev.rackside.s3.profiles.UploadEncryption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The state behind [EndpointDialog]: the fields of one S3 endpoint being added or edited, the
/// defaults a provider preset fills in, validation, and "Test connection" with cancel.
public final class EndpointFormModel {
    /// Where the credentials come from.
    public enum Source { KEYS, AWS_PROFILE, ASSUME_ROLE }

    /// How the diagnosis line reads: neutral (testing, cancelled), good, or a problem.
    public enum Tone { NEUTRAL, SUCCESS, DANGER }

    private final EndpointsViewModel endpoints;
    private final EndpointProfile original;
    private final Messages text = Messages.of(EndpointFormModel.class);

    public final StringProperty name = new SimpleStringProperty("");
    public final ObjectProperty<ProviderPreset> preset = new SimpleObjectProperty<>(ProviderPreset.AWS);
    public final StringProperty endpoint = new SimpleStringProperty("");
    public final StringProperty region = new SimpleStringProperty(ProviderPreset.AWS.defaultRegion());
    public final BooleanProperty pathStyle = new SimpleBooleanProperty(false);
    public final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.KEYS);
    public final StringProperty accessKeyId = new SimpleStringProperty("");
    public final StringProperty secretKey = new SimpleStringProperty("");
    public final StringProperty awsProfile = new SimpleStringProperty("");
    public final StringProperty roleArn = new SimpleStringProperty("");
    public final StringProperty sessionName = new SimpleStringProperty("rackside");
    public final StringProperty externalId = new SimpleStringProperty("");
    /// The role's base credentials: [Source#KEYS] or [Source#AWS_PROFILE].
    public final ObjectProperty<Source> roleBase = new SimpleObjectProperty<>(Source.KEYS);
    /// A bucket for the write/read/delete probe; not saved.
    public final StringProperty testBucket = new SimpleStringProperty("");
    /// What the endpoint URL of the chosen service looks like.
    public final StringProperty endpointHint = new SimpleStringProperty("");
    public final StringProperty diagnosis = new SimpleStringProperty("");
    public final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.NEUTRAL);
    /// How uploads are encrypted, with the client-side key.
    public final EncryptionFields encryption;
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final List<String> awsProfileNames;
    private String filledEndpoint = "";
    private Background.Cancellable runningTest;
    private long testRun;

    /// @param original the endpoint being edited, or null to add one
    public EndpointFormModel(EndpointsViewModel endpoints, EndpointProfile original) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.original = original;
        this.awsProfileNames = endpoints.awsProfileNames();
        if (!awsProfileNames.isEmpty()) {
            awsProfile.set(awsProfileNames.contains("default") ? "default" : awsProfileNames.getFirst());
        }
        this.encryption = new EncryptionFields(original == null ? UploadEncryption.none() : original.encryption(),
                original == null ? Optional.empty() : endpoints.clientKeyOf(original.id()), text);
        if (original != null) {
            name.set(original.name());
            preset.set(original.preset().orElse(ProviderPreset.OTHER));
            endpoint.set(Objects.requireNonNullElse(original.endpoint(), ""));
            region.set(original.region());
            pathStyle.set(original.pathStyle());
            load(original.credentials());
        }
        // Only a URL that follows from the region counts as filled in; an edited endpoint's own URL is the operator's.
        filledEndpoint = preset.get().endpointFor(region.get()).orElse("");
        endpointHint.set(preset.get().endpointExample().orElse(""));
        preset.addListener((o, was, now) -> applyPreset(now));
        region.addListener((o, was, now) -> fillEndpoint());
    }

    public boolean isEditing() {
        return original != null;
    }

    public List<String> awsProfileNames() {
        return awsProfileNames;
    }

    public String keychainProblem() {
        var a = endpoints.keychainAvailability();
        return a.available() ? "" : text.get("form.noKeychain", a.reason());
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /// Whether a secret key is asked for: keys, or a role on top of keys.
    public boolean needsSecret() {
        return source.get() == Source.KEYS || source.get() == Source.ASSUME_ROLE && roleBase.get() == Source.KEYS;
    }

    /// The endpoint the fields describe, or empty with [#diagnosis] saying what to fix.
    public Optional<EndpointProfile> toProfile() {
        Optional<String> problem = validate();
        if (problem.isEmpty()) {
            try {
                UUID id = original == null ? UUID.randomUUID() : original.id();
                return Optional.of(new EndpointProfile(id, name.get(), preset.get(), endpoint.get(), region.get(),
                        pathStyle.get(), credentials(), encryption.toEncryption()));
            } catch (IllegalArgumentException e) {
                problem = Optional.of(e.getMessage());
            }
        }
        show(Tone.DANGER, problem.get());
        return Optional.empty();
    }

    /// The secret key typed in (blank when editing keeps the saved one).
    public Optional<Secret> typedSecret() {
        return secretKey.get().isEmpty() ? Optional.empty() : Optional.of(Secret.of(secretKey.get()));
    }

    /// Saves through [EndpointsViewModel]; false (with the reason shown) when something is missing.
    public boolean save(Runnable onSaved) {
        Optional<EndpointProfile> profile = toProfile();
        if (profile.isEmpty()) {
            return false;
        }
        if (needsSecret() && typedSecret().isEmpty() && !(isEditing() && original.credentials().needsKeychainSecret())) {
            show(Tone.DANGER, text.get("form.secretMissing"));
            return false;
        }
        long busy = isEditing() ? endpoints.busyTransfers(original.id()) : 0;
        if (busy > 0) {
            // Nothing typed is lost: the dialog stays open, and the transfers keep running.
            show(Tone.DANGER, text.get("form.busy", busy));
            return false;
        }
        cancelTest();
        endpoints.save(profile.get(), needsSecret() ? typedSecret() : Optional.empty(), encryption.keyToStore(), onSaved);
        return true;
    }

    /// Runs the engine's connection test in the background; [#diagnosis] gets its verdict.
    public void test() {
        Optional<EndpointProfile> profile = toProfile();
        if (profile.isEmpty() || testing.get()) {
            return;
        }
        if (needsSecret() && typedSecret().isEmpty() && !isEditing()) {
            show(Tone.DANGER, text.get("form.secretMissingForTest"));
            return;
        }
        long run = ++testRun;
        testing.set(true);
        show(Tone.NEUTRAL, text.get("form.testing"));
        String bucket = testBucket.get().strip();
        runningTest = endpoints.test(profile.get(), needsSecret() ? typedSecret() : Optional.empty(),
                bucket.isEmpty() ? Optional.empty() : Optional.of(bucket), report -> {
                    if (run == testRun) { // not cancelled meanwhile
                        testing.set(false);
                        show(report.ok() ? Tone.SUCCESS : Tone.DANGER, verdict(report));
                    }
                });
    }

    /// Stops waiting for a running test.
    public void cancelTest() {
        if (testing.get()) {
            testRun++;
            testing.set(false);
            if (runningTest != null) {
                runningTest.cancel();
            }
            show(Tone.NEUTRAL, text.get("form.testCancelled"));
        }
    }

    private String verdict(ConnectionReport report) {
        String checks = String.join("\n", report.checks().stream().map(c -> (c.passed() ? "✓ " : "✗ ") + c.name()
                + (c.passed() ? " — " + c.detail() : "")).toList());
        String suggestion = report.suggestedRegion().map(r -> "\n" + text.get("form.suggestRegion", r)).orElse("");
        return endpoints.headline(report) + ": " + report.message() + suggestion + (checks.isEmpty() ? "" : "\n" + checks);
    }

    private void show(Tone t, String message) {
        tone.set(t);
        diagnosis.set(message);
    }

    private void applyPreset(ProviderPreset p) {
        if (p == null) {
            return;
        }
        region.set(p.defaultRegion());
        pathStyle.set(p.pathStyle());
        endpointHint.set(p.endpointExample().orElse(""));
        if (p == ProviderPreset.AWS) {
            setEndpoint("");
        } else if (!p.endpointFollowsRegion() && endpoint.get().equals(filledEndpoint)) {
            setEndpoint(""); // the previous service's URL would be wrong here
        }
        fillEndpoint();
    }

    // A URL that follows from the region is kept in step with it, unless the operator typed their own.
    private void fillEndpoint() {
        ProviderPreset p = preset.get();
        if (p != null && endpoint.get().equals(filledEndpoint)) {
            p.endpointFor(region.get()).ifPresent(this::setEndpoint);
        }
    }

    private void setEndpoint(String url) {
        filledEndpoint = url;
        endpoint.set(url);
    }

    private void load(CredentialSource c) {
        switch (c) {
            case CredentialSource.KeychainKeys k -> {
                source.set(Source.KEYS);
                accessKeyId.set(k.accessKeyId());
            }
            case CredentialSource.AwsProfile p -> {
                source.set(Source.AWS_PROFILE);
                awsProfile.set(p.profile());
            }
            case CredentialSource.AssumeRole r -> {
                load(r.base());
                roleBase.set(source.get());
                source.set(Source.ASSUME_ROLE);
                roleArn.set(r.roleArn());
                sessionName.set(r.sessionName());
                externalId.set(Objects.requireNonNullElse(r.externalId(), ""));
            }
        }
    }

    private CredentialSource credentials() {
        CredentialSource keys = new CredentialSource.KeychainKeys(accessKeyId.get());
        return switch (source.get()) {
            case KEYS -> keys;
            case AWS_PROFILE -> new CredentialSource.AwsProfile(awsProfile.get());
            case ASSUME_ROLE -> new CredentialSource.AssumeRole(roleArn.get(), sessionName.get(), externalId.get(),
                    roleBase.get() == Source.AWS_PROFILE ? new CredentialSource.AwsProfile(awsProfile.get()) : keys);
        };
    }

    private Optional<String> validate() {
        if (name.get().isBlank()) {
            return Optional.of(text.get("form.nameMissing"));
        }
        String url = endpoint.get().strip();
        if (url.isEmpty() && preset.get() != ProviderPreset.AWS) {
            return Optional.of(text.get("form.endpointMissing"));
        }
        if (!url.isEmpty() && !url.matches("https?://[^\\s/]+(/\\S*)?")) {
            return Optional.of(text.get("form.endpointInvalid"));
        }
        // AWS regions are lower-case; MinIO and Ceph accept any name of letters, digits, '-' and '_'.
        if (!region.get().strip().matches("[A-Za-z0-9_-]+")) {
            return Optional.of(text.get("form.regionInvalid"));
        }
        if (needsSecret() && accessKeyId.get().isBlank()) {
            return Optional.of(text.get("form.accessKeyMissing"));
        }
        boolean usesProfile = source.get() == Source.AWS_PROFILE || source.get() == Source.ASSUME_ROLE && roleBase.get() == Source.AWS_PROFILE;
        if (usesProfile && awsProfile.get().isBlank()) {
            return Optional.of(text.get("form.awsProfileMissing"));
        }
        if (source.get() == Source.ASSUME_ROLE && !roleArn.get().strip().matches("arn:[^:\\s]+:[^:\\s]*:[^:\\s]*:[^:\\s]*:role/\\S+")) {
            return Optional.of(text.get("form.roleArnInvalid"));
        }
        return encryption.problem();
    }
}
