package dev.rackside.s3.cli;

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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/// `rackside-s3`: aws-cli-style `ls`, `cp`, `sync` and `rm` on the Rackside engine, with its
/// journal (a repeated `cp` resumes), checksums and bandwidth limits. Reads AWS_ENDPOINT_URL,
/// AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE and AWS_REGION as aws-cli does,
/// or an endpoint saved in the Rackside app (`--rackside-profile`), its secret key from the OS keychain.
@Command(name = "rackside-s3", mixinStandardHelpOptions = true, version = "rackside-s3 0.1.0",
        description = "Copy, sync, list and delete S3 objects with resumable, checksummed transfers.",
        subcommands = {ListCommand.class, CopyCommand.class, SyncCommand.class, RemoveCommand.class})
public final class RacksideS3 implements Runnable {
    private static final Duration KEYCHAIN_TIMEOUT = Duration.ofSeconds(10);
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    final SecretLookup secrets;

    @Option(names = "--endpoint-url", description = "S3 service URL (default: $AWS_ENDPOINT_URL, else AWS).")
    String endpointUrl;

    @Option(names = "--region", description = "Signing region (default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1).")
    String region;

    @Option(names = "--profile", description = "Profile in ~/.aws/config (default: $AWS_PROFILE).")
    String profile;

    @Option(names = "--rackside-profile", paramLabel = "NAME",
            description = "An endpoint saved in the Rackside app (name or id); its secret key is read from the OS keychain.")
    String racksideProfile;

    @Option(names = "--rackside-profiles", paramLabel = "FILE",
            description = "The Rackside endpoints file (default: s3-endpoints.json in Rackside's config folder).")
    Path racksideProfiles;

    @Option(names = "--journal", description = "Transfer journal; a repeated cp resumes from it (default: ~/.rackside/s3-journal.db).")
    Path journal;

    @Option(names = "--concurrency", defaultValue = "8", description = "Parallel requests (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--limit-up", description = "Upload limit, e.g. 10M (bytes/s; K, M, G = 10^3, 10^6, 10^9).")
    String limitUp;

    @Option(names = "--limit-down", description = "Download limit, e.g. 10M.")
    String limitDown;

    @Option(names = "--virtual-host-style", description = "Address buckets as bucket.host (default: path style for custom endpoints).")
    boolean virtualHostStyle;

    public RacksideS3(Map<String, String> env, PrintWriter out, PrintWriter err, SecretLookup secrets) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
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
        CommandLine cli = new CommandLine(new RacksideS3(env, out, err, secrets)).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("error: " + e.getMessage());
            err.flush();
            return e instanceof S3EngineException || e instanceof IllegalArgumentException ? 1 : 2;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    S3Engine open() {
        S3Endpoint endpoint = racksideProfile != null ? saved() : fromAwsSettings();
        Path j = journal != null ? journal : Path.of(System.getProperty("user.home"), ".rackside", "s3-journal.db");
        EngineOptions options = EngineOptions.builder().journal(j).concurrency(concurrency)
                .uploadLimit(rate(limitUp)).downloadLimit(rate(limitDown)).build();
        return S3Engine.open(endpoint, options);
    }

    /// The saved profile; `--endpoint-url`, `--region` and `--virtual-host-style` still override it.
    private S3Endpoint saved() {
        Path file = racksideProfiles != null ? racksideProfiles : EndpointProfileStore.defaultFile();
        EndpointProfileStore store = EndpointProfileStore.read(file);
        EndpointProfile p = store.find(racksideProfile).orElseThrow(() -> new S3EngineException.Misconfigured(
                "No Rackside endpoint named \"" + racksideProfile + "\" in " + file + (store.list().isEmpty() ? "."
                        : ". Saved endpoints: " + String.join(", ", store.list().stream().map(EndpointProfile::name).toList()) + "."),
                null));
        S3Endpoint e = p.toEndpoint(secrets);
        return new S3Endpoint(e.name(), endpointUrl != null ? Optional.of(URI.create(endpointUrl)) : e.endpoint(),
                region != null ? region : e.region(), e.pathStyle() && !virtualHostStyle, e.credentials());
    }

    private S3Endpoint fromAwsSettings() {
        String url = first(endpointUrl, env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"));
        String reg = first(region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
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
                url != null && !virtualHostStyle, credentials);
    }

    static long rate(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        String t = s.strip().toUpperCase(java.util.Locale.ROOT).replace("B", "");
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'K' -> 1_000;
            case 'M' -> 1_000_000;
            case 'G' -> 1_000_000_000;
            default -> 1;
        };
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        return (long) (Double.parseDouble(number) * unit);
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
