package dev.rackside.app.feature.s3.endpoints;

import dev.rackside.app.feature.s3.S3Session;
import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.app.settings.SecretStore;
import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.ConnectionReport;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Secret;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.EndpointProfileStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The saved S3 endpoints and the commands on them: load at start-up, save, remove, test. Each
/// saved endpoint is an [S3Session] in the browser's sidebar, next to the demo's.
///
/// Secret keys and client-side encryption keys go to the OS keychain only (never to the profiles
/// file); without a keychain they are kept for this run and the operator is told so. Blocking work
/// (file, keychain, engines) runs on the [Background]; callbacks arrive on the UI thread.
public final class EndpointsViewModel implements AutoCloseable {
    /// A connection test should answer in seconds, not after the engine's patient retries.
    static final EngineOptions TEST_OPTIONS = EngineOptions.builder().maxAttempts(1)
            .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(20)).build();

    private final Path file;
    private final EndpointSecrets secrets;
    private final ObservableList<S3Session> sessions;
    private final Background background;
    private final Notifier notifier;
    private final Function<EndpointProfile, EngineOptions> options;
    private final Supplier<List<String>> awsProfiles;
    private final ObservableList<EndpointProfile> profiles = FXCollections.observableArrayList();
    private final Messages text = Messages.of(EndpointsViewModel.class);
    private EndpointProfileStore store;

    /// @param file        the endpoints file, read on [#loadSaved()]
    /// @param sessions    the browser's endpoints; saved ones are added and removed here
    /// @param options     the engine options of a saved endpoint (its transfer journal)
    /// @param awsProfiles the profile names of `~/.aws`, read when the dialog opens
    public EndpointsViewModel(Path file, SecretStore keychain, ObservableList<S3Session> sessions, Background background,
                              Notifier notifier, Function<EndpointProfile, EngineOptions> options,
                              Supplier<List<String>> awsProfiles) {
        this.file = file;
        this.secrets = new EndpointSecrets(keychain, text);
        this.sessions = sessions;
        this.background = background;
        this.notifier = notifier;
        this.options = options;
        this.awsProfiles = awsProfiles;
    }

    /// With `~/.aws` of this machine.
    public EndpointsViewModel(Path file, SecretStore keychain, ObservableList<S3Session> sessions, Background background,
                              Notifier notifier, Function<EndpointProfile, EngineOptions> options) {
        this(file, keychain, sessions, background, notifier, options, AwsProfileNames::forThisMachine);
    }

    public ObservableList<EndpointProfile> profiles() {
        return FXCollections.unmodifiableObservableList(profiles);
    }

    /// The saved profile behind `session`; empty for the demo.
    public Optional<EndpointProfile> profileOf(S3Session session) {
        return session == null ? Optional.empty()
                : profiles.stream().filter(p -> p.id().toString().equals(session.id())).findFirst();
    }

    /// How many transfers are queued or running on the endpoint `id`. Saving an endpoint replaces its
    /// engine, which pauses them, so the form asks the operator to let them finish or pause them first.
    public long busyTransfers(UUID id) {
        return sessions.stream().filter(s -> s.id().equals(id.toString())).findFirst()
                .map(s -> s.engine().transfers().transfers().stream().filter(t -> t.state().active()).count())
                .orElse(0L);
    }

    /// Whether secret keys can be kept across restarts, and if not, why.
    public SecretStore.Availability keychainAvailability() {
        return secrets.availability();
    }

    /// The profile names of `~/.aws/config` and `~/.aws/credentials`. Reads two small files.
    public List<String> awsProfileNames() {
        return awsProfiles.get();
    }

    /// Reads the saved endpoints and opens an engine for each (nothing is sent yet) off the UI thread.
    public void loadSaved() {
        background.submit(() -> {
            EndpointProfileStore s = store();
            List<S3Session> opened = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            s.loadWarning().ifPresent(warnings::add);
            for (EndpointProfile p : s.list()) {
                Opened o = open(p, Optional.empty(), Optional.empty());
                opened.add(o.session());
                o.warning().ifPresent(warnings::add);
            }
            return new Loaded(s.list(), warnings, opened);
        }, loaded -> {
            profiles.setAll(loaded.profiles());
            sessions.addAll(loaded.sessions());
            loaded.warnings().forEach(notifier::warning);
        }, failure -> notifier.error(text.get("load.failed", failure.getMessage()), failure));
    }

    private record Loaded(List<EndpointProfile> profiles, List<String> warnings, List<S3Session> sessions) {
    }

    /// Saves `profile` and (re)opens its endpoint; `secret`, when typed, goes to the keychain.
    public void save(EndpointProfile profile, Optional<Secret> secret, Runnable onSaved) {
        save(profile, secret, Optional.empty(), onSaved);
    }

    /// As [#save(EndpointProfile, Optional, Runnable)]; a new or pasted client-side key goes to the
    /// keychain too.
    public void save(EndpointProfile profile, Optional<Secret> secret, Optional<ClientSideKey> clientKey, Runnable onSaved) {
        background.submit(() -> {
            // Keys first: a profile that says "encrypt" must never be saved while its new key is lost.
            List<String> notes = new ArrayList<>();
            secrets.storeSecret(profile, secret).ifPresent(notes::add);
            secrets.storeClientKey(profile, clientKey).ifPresent(notes::add);
            store().put(profile);
            Opened opened = open(profile, secret, clientKey);
            opened.warning().ifPresent(notes::add);
            return new Saved(opened.session(), notes);
        }, saved -> {
            int at = indexOf(profiles, profile.id());
            if (at < 0) {
                profiles.add(profile);
            } else {
                profiles.set(at, profile);
            }
            replaceSession(saved.session());
            saved.notes().forEach(notifier::warning);
            notifier.info(text.get("saved", profile.name()));
            onSaved.run();
        }, this::report);
    }

    private record Saved(S3Session session, List<String> notes) {
    }

    /// The client-side key of a connected endpoint, for "Copy key" while editing it.
    public Optional<ClientSideKey> clientKeyOf(UUID profileId) {
        return sessions.stream().filter(s -> s.id().equals(profileId.toString())).findFirst()
                .flatMap(S3Session::clientKey);
    }

    /// Forgets the endpoint and deletes its secret key and client-side key from the keychain.
    public void remove(EndpointProfile profile) {
        background.submit(() -> {
            store().remove(profile.id());
            return secrets.delete(profile);
        }, (List<String> notes) -> {
            profiles.removeIf(p -> p.id().equals(profile.id()));
            sessions.stream().filter(s -> s.id().equals(profile.id().toString())).findFirst().ifPresent(s -> {
                sessions.remove(s);
                closeLater(s);
            });
            notes.forEach(notifier::warning);
            notifier.info(text.get("removed", profile.name()));
        }, this::report);
    }

    /// Runs the engine's connection test on `draft` (list buckets; with a bucket, also that it
    /// exists and a write/read/delete probe). `secret` empty uses the saved one. `done` always gets a report.
    public Background.Cancellable test(EndpointProfile draft, Optional<Secret> secret, Optional<String> bucket,
                                       Consumer<ConnectionReport> done) {
        return background.submit(() -> {
            try (S3Engine engine = S3Engine.open(draft.toEndpoint(secrets.lookup(secret)), TEST_OPTIONS)) {
                return engine.testConnection(bucket);
            }
        }, done::accept, failure -> done.accept(new ConnectionReport(ConnectionReport.Outcome.OTHER,
                String.valueOf(failure.getMessage()), Optional.empty(), List.of())));
    }

    /// Tests a connected endpoint and tells the operator what it found.
    public void test(S3Session session) {
        background.submit(() -> session.engine().testConnection(Optional.empty()), report -> {
            String message = text.get("test.result", session.name(), headline(report), report.message());
            if (report.ok()) {
                notifier.info(message);
            } else {
                notifier.warning(message);
            }
        }, this::report);
    }

    /// A short verdict in the operator's language ("Wrong key"), before the engine's detailed message.
    public String headline(ConnectionReport report) {
        return text.get("outcome." + report.outcome().name());
    }

    @Override
    public void close() {
        for (S3Session s : List.copyOf(sessions)) {
            if (profileOf(s).isPresent()) {
                s.engine().close();
            }
        }
    }

    private synchronized EndpointProfileStore store() {
        if (store == null) {
            store = EndpointProfileStore.readOrSetAside(file);
        }
        return store;
    }

    private Opened open(EndpointProfile p, Optional<Secret> typed, Optional<ClientSideKey> typedKey) {
        EndpointSecrets.ClientKey key = secrets.clientKey(p, typedKey);
        S3Engine engine = S3Engine.open(p.toEndpoint(secrets.lookup(typed)), options.apply(p));
        return new Opened(new S3Session(p.id().toString(), p.name(), engine, p.encryption(), key.key()), key.warning());
    }

    private record Opened(S3Session session, Optional<String> warning) {
    }

    private void replaceSession(S3Session next) {
        for (int i = 0; i < sessions.size(); i++) {
            S3Session old = sessions.get(i);
            if (old.id().equals(next.id())) {
                sessions.set(i, next);
                closeLater(old);
                return;
            }
        }
        sessions.add(next);
    }

    private void closeLater(S3Session s) {
        background.submit(() -> {
            s.engine().close();
            return null;
        }, ok -> { }, failure -> { }); // closing cannot fail in a way the operator could act on
    }

    private void report(Throwable failure) {
        if (failure instanceof S3EngineException || failure instanceof IllegalArgumentException) {
            notifier.warning(failure.getMessage());
        } else {
            notifier.error(text.get("failed", String.valueOf(failure.getMessage())), failure);
        }
    }

    private static int indexOf(List<EndpointProfile> list, UUID id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
