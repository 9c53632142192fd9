package dev.rackside.s3.cli;

import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Credentials;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.Secret;
import dev.rackside.s3.profiles.EndpointProfile;
import dev.rackside.s3.profiles.EndpointProfileStore;
import dev.rackside.s3.profiles.KeyringSecrets;
import dev.rackside.s3.profiles.SecretLookup;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// `rackside-s3`: aws-cli-style `ls`, `cp`, `sync` and `rm` on the Rackside engine, with its
/// journal (a repeated `cp` resumes), checksums and bandwidth limits. Reads AWS_ENDPOINT_URL,
/// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE and AWS_REGION as aws-cli does,
/// or an endpoint saved in the Rackside app (`--rackside-profile`), its secret key from the OS keychain.
/// The grammar is in [Arguments].
public final class RacksideS3 {
    private static final Duration KEYCHAIN_TIMEOUT = Duration.ofSeconds(10);
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    final SecretLookup secrets;
    private final Arguments.Globals options;
    // Set by open() for --rackside-profile; the encryption is read from it only when a command transfers.
    private EndpointProfile profile;
    private Protection protection;

    private RacksideS3(Map<String, String> env, PrintWriter out, PrintWriter err, SecretLookup secrets,
                       Arguments.Globals options) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
        this.options = options;
    }

    /// The SLF4J provider the CLI names: the HTTP client logs through SLF4J and a CLI has no
    /// logging backend to offer it. It ships in slf4j-api 2.x itself.
    static final String SLF4J_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", SLF4J_PROVIDER);
            // SLF4J otherwise announces the explicitly chosen provider on stderr at every start.
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /// Runs one command line; returns the exit code (0 ok, 1 failed, 2 usage).
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return run(env, out, err, new KeyringSecrets(KEYCHAIN_TIMEOUT), args);
    }

    /// [#run(Map, PrintWriter, PrintWriter, String...)] with the secret keys of saved profiles from `secrets`.
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, SecretLookup secrets, String... args) {
        Arguments.Request request;
        try {
            request = Arguments.parse(args);
        } catch (Arguments.UsageError e) {
            err.println(e.getMessage());
            Usage.print(err, e.command());
            return 2;
        }
        try {
            return switch (request) {
                case Arguments.Help h -> {
                    Usage.print(out, h.command());
                    yield 0;
                }
                case Arguments.Version v -> {
                    out.println(Arguments.VERSION);
                    yield 0;
                }
                case Arguments.Run r -> new RacksideS3(env, out, err, secrets, r.globals()).execute(r);
            };
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return e instanceof S3EngineException || e instanceof IllegalArgumentException ? 1 : 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /// Runs the command; the exit code is 1 for an `ls` of a key that lists nothing, as aws-cli's,
    /// so `rackside-s3 ls s3://b/key || …` tests whether it exists.
    private int execute(Arguments.Run r) {
        List<String> operands = r.operands();
        switch (r.command()) {
            case LS -> {
                return new ListCommand(this, operands.isEmpty() ? null : operands.getFirst(), r.flags()).run() ? 0 : 1;
            }
            case CP -> new CopyCommand(this, operands.get(0), operands.get(1), r.flags()).run();
            case SYNC -> new SyncCommand(this, operands.get(0), operands.get(1), r.flags()).run();
            case RM -> new RemoveCommand(this, operands.getFirst(), r.flags()).run();
        }
        return 0;
    }

    S3Engine open() {
        S3Endpoint endpoint;
        if (options.racksideProfile() != null) {
            profile = savedProfile();
            endpoint = saved(profile);
        } else {
            endpoint = fromAwsSettings();
        }
        Path j = options.journal() != null ? options.journal()
                : Path.of(System.getProperty("user.home"), ".rackside", "s3-journal.db");
        return S3Engine.open(endpoint, EngineOptions.builder().journal(j).concurrency(options.concurrency())
                .uploadLimit(options.limitUp()).downloadLimit(options.limitDown()).build());
    }

    private EndpointProfile savedProfile() {
        String racksideProfile = options.racksideProfile();
        Path file = options.racksideProfiles() != null ? options.racksideProfiles() : EndpointProfileStore.defaultFile();
        EndpointProfileStore store = EndpointProfileStore.read(file);
        EndpointProfile p = store.find(racksideProfile).orElseThrow(() -> new S3EngineException.Misconfigured(
                "No Rackside endpoint named \"" + racksideProfile + "\" in " + file + (store.list().isEmpty() ? "."
                        : ". Saved endpoints: " + String.join(", ", store.list().stream().map(EndpointProfile::name).toList()) + "."),
                null));
        return p;
    }

    /// The saved profile; `--endpoint-url`, `--region` and `--virtual-host-style` still override it.
    private S3Endpoint saved(EndpointProfile p) {
        S3Endpoint e = p.toEndpoint(secrets);
        return new S3Endpoint(e.name(), options.endpointUrl() != null ? Optional.of(URI.create(options.endpointUrl()))
                : e.endpoint(), options.region() != null ? options.region() : e.region(),
                e.pathStyle() && !options.virtualHostStyle(), e.credentials());
    }

    /// How uploads are encrypted and downloads opened: the saved endpoint's choice, with its
    /// client-side key from the keychain (read once, and only by commands that transfer: `ls` and
    /// `rm` never ask the keychain for it), then `--sse` over it.
    Protection protection() {
        if (protection == null) {
            Protection p = profile == null ? Protection.none() : protection(profile);
            protection = options.sse() == null ? p : p.withSse(options.sse());
        }
        return protection;
    }

    private Protection protection(EndpointProfile p) {
        Optional<ClientSideKey> key;
        try {
            key = secrets.secretKey(p.clientKeyAccount()).map(s -> ClientSideKey.fromText(s.reveal()));
        } catch (RuntimeException e) {
            if (p.encryption().clientSide()) {
                throw new S3EngineException.Misconfigured("The client-side key of \"" + p.name()
                        + "\" could not be read from the keychain: " + e.getMessage(), e);
            }
            key = Optional.empty(); // only needed for objects it encrypted before; they will say so
        }
        return new Protection(p.encryption().serverSide(), key, p.encryption().clientSide(), p.name());
    }

    private S3Endpoint fromAwsSettings() {
        String profile = options.profile();
        String url = first(options.endpointUrl(), env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        String reg = first(options.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        String prof = first(profile, env.get("AWS_PROFILE"));
        S3Credentials credentials;
        if (profile == null && env.get("AWS_ACCESS_KEY_ID") != null && env.get("AWS_SECRET_ACCESS_KEY") != null) {
            credentials = new S3Credentials.StaticKeys(env.get("AWS_ACCESS_KEY_ID"), Secret.of(env.get("AWS_SECRET_ACCESS_KEY")),
                    Optional.ofNullable(env.get("AWS_SESSION_TOKEN")).map(Secret::of));
        } else if (prof != null) {
            credentials = new S3Credentials.Profile(prof);
        } else {
            credentials = new S3Credentials.DefaultChain();
        }
        return new S3Endpoint("cli", Optional.ofNullable(url).map(URI::create), reg,
                url != null && !options.virtualHostStyle(), credentials);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
