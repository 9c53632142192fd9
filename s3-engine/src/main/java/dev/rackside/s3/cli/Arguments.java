package dev.rackside.s3.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// The command line's grammar: global options, a command, then the command's operands and options
/// in any order (aws-cli's `cp SRC DST --recursive`). Parsed with Apache Commons CLI, configured in
/// code: picocli, used before, builds its model by reflection from Java 5 class files that the
/// JDK's AOT cache cannot hold, about 0.14 s of every run of a command that often takes 0.5 s.
final class Arguments {
    static final String VERSION = "rackside-s3 0.1.0";
    static final int DEFAULT_CONCURRENCY = 8;

    private Arguments() {
    }

    /// What a command line asks for.
    sealed interface Request permits Help, Version, Run {
    }

    /// Usage help: of one command, or of the whole tool when `command` is empty.
    record Help(Optional<Command> command) implements Request {
    }

    record Version() implements Request {
    }

    record Run(Globals globals, Command command, List<String> operands, Flags flags) implements Request {
        boolean recursive() {
            return flags.recursive();
        }
    }

    /// The options before the command; null where not given.
    record Globals(String endpointUrl, String region, String profile, String racksideProfile, Path racksideProfiles,
                   Path journal, int concurrency, long limitUp, long limitDown, boolean virtualHostStyle,
                   dev.rackside.s3.Encryption sse) {
    }

    /// A command line that does not fit the grammar (exit code 2); `command` names whose usage to show.
    static final class UsageError extends Exception {
        private final transient Optional<Command> command;

        UsageError(String message, Optional<Command> command) {
            super(message);
            this.command = command;
        }

        Optional<Command> command() {
            return command;
        }
    }

    enum Command {
        LS("ls", "[S3URI]", 0, 1, "List buckets, or objects and folders under a prefix.",
                "List every object under the prefix."),
        CP("cp", "SRC DST", 2, 2, "Copy a file or, with --recursive, a folder to, from or within S3.",
                "Copy everything under a folder or prefix."),
        SYNC("sync", "SRC DST", 2, 2, "Copy new and changed files between a folder and a prefix.", null),
        RM("rm", "S3URI", 1, 1, "Delete an object, or everything under a prefix with --recursive.",
                "Delete everything under the prefix.");

        final String word;
        final String operands;
        final int minOperands;
        final int maxOperands;
        final String description;
        private final String recursive;

        Command(String word, String operands, int minOperands, int maxOperands, String description, String recursive) {
            this.word = word;
            this.operands = operands;
            this.minOperands = minOperands;
            this.maxOperands = maxOperands;
            this.description = description;
            this.recursive = recursive;
        }

        static Optional<Command> named(String word) {
            return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
        }

        Options options() {
            Options o = new Options();
            if (recursive != null) {
                o.addOption(Option.builder().longOpt("recursive").desc(recursive).get());
            }
            Flags.addTo(o, this);
            return o.addOption(help());
        }
    }

    static Options globalOptions() {
        return new Options()
                .addOption(valued("endpoint-url", "URL", "S3 service URL (default: $AWS_ENDPOINT_URL, else AWS)."))
                .addOption(valued("region", "REGION", "Signing region (default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1)."))
                .addOption(valued("profile", "NAME", "Profile in ~/.aws/config (default: $AWS_PROFILE)."))
                .addOption(valued("rackside-profile", "NAME",
                        "An endpoint saved in the Rackside app (name or id); its secret key is read from the OS keychain."))
                .addOption(valued("rackside-profiles", "FILE",
                        "The Rackside endpoints file (default: s3-endpoints.json in Rackside's config folder)."))
                .addOption(valued("journal", "FILE",
                        "Transfer journal; a repeated cp resumes from it (default: ~/.rackside/s3-journal.db)."))
                .addOption(valued("concurrency", "N", "Parallel requests (default: " + DEFAULT_CONCURRENCY + ")."))
                .addOption(valued("limit-up", "RATE", "Upload limit, e.g. 10M (bytes/s; K, M, G = 10^3, 10^6, 10^9; Ki, Mi, Gi = 2^10, 2^20, 2^30)."))
                .addOption(valued("limit-down", "RATE", "Download limit, e.g. 10M."))
                .addOption(valued("sse", "AES256|aws:kms",
                        "Ask the server to encrypt uploads: AES256 (SSE-S3) or aws:kms (SSE-KMS), as aws-cli."))
                .addOption(valued("sse-kms-key-id", "KEY", "The KMS key of --sse aws:kms (default: the account's)."))
                .addOption(Option.builder().longOpt("virtual-host-style")
                        .desc("Address buckets as bucket.host (default: path style for custom endpoints).").get())
                .addOption(help())
                .addOption(Option.builder("V").longOpt("version").desc("Print version information and exit.").get());
    }

    static Request parse(String... args) throws UsageError {
        Options globalOptions = globalOptions();
        CommandLine global = parse(globalOptions, args, true, Optional.empty());
        if (global.hasOption("help")) {
            return new Help(Optional.empty());
        }
        if (global.hasOption("version")) {
            return new Version();
        }
        List<String> rest = global.getArgList();
        if (rest.isEmpty()) {
            return new Help(Optional.empty());
        }
        String word = rest.getFirst();
        Command command = Command.named(word).orElseThrow(() -> new UsageError(
                (word.startsWith("-") ? "Unknown option: '" : "Unknown command: '") + word + "'", Optional.empty()));
        Optional<Command> context = Optional.of(command);
        // Global options may also follow the command, as aws-cli allows (`cp a s3://b/a --endpoint-url …`).
        Options after = command.options();
        globalOptions.getOptions().stream().filter(o -> !after.hasOption(o.getLongOpt())).forEach(after::addOption);
        CommandLine own = parse(after, rest.subList(1, rest.size()).toArray(String[]::new), false, context);
        if (own.hasOption("help")) {
            return new Help(context);
        }
        List<String> operands = own.getArgList();
        if (operands.size() < command.minOperands) {
            List<String> names = Arrays.asList(command.operands.split(" "));
            throw new UsageError("Missing " + String.join(" and ", names.subList(operands.size(), names.size()))
                    + " for " + command.word + ".", context);
        }
        if (operands.size() > command.maxOperands) {
            throw new UsageError("Unexpected argument for " + command.word + ": '" + operands.get(command.maxOperands) + "'",
                    context);
        }
        if (own.hasOption("version")) {
            return new Version();
        }
        return new Run(globals(new Given(global, own)), command, List.copyOf(operands), Flags.of(own));
    }

    private static CommandLine parse(Options options, String[] args, boolean stopAtCommand, Optional<Command> context)
            throws UsageError {
        try {
            return DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args, stopAtCommand);
        } catch (UnrecognizedOptionException e) {
            throw new UsageError("Unknown option: '" + e.getOption() + "'", context);
        } catch (MissingArgumentException e) {
            throw new UsageError("Missing value for option '--" + e.getOption().getLongOpt() + "'", context);
        } catch (ParseException e) {
            throw new UsageError(e.getMessage(), context);
        }
    }

    /// Global options from before the command and after it. An option given more than once takes
    /// its last value, as in aws-cli, so a script can append an override.
    private record Given(CommandLine before, CommandLine after) {
        String getOptionValue(String option) {
            String later = last(after.getOptionValues(option));
            return later != null ? later : last(before.getOptionValues(option));
        }

        private static String last(String[] values) {
            return values == null || values.length == 0 ? null : values[values.length - 1];
        }

        boolean hasOption(String option) {
            return after.hasOption(option) || before.hasOption(option);
        }
    }

    private static Globals globals(Given c) throws UsageError {
        return new Globals(c.getOptionValue("endpoint-url"), c.getOptionValue("region"), c.getOptionValue("profile"),
                c.getOptionValue("rackside-profile"), path(c, "rackside-profiles"), path(c, "journal"), concurrency(c),
                limit(c, "limit-up"), limit(c, "limit-down"), c.hasOption("virtual-host-style"), sse(c));
    }

    /// aws-cli's `--sse` and `--sse-kms-key-id`; null when neither is given.
    private static dev.rackside.s3.Encryption sse(Given c) throws UsageError {
        String sse = c.getOptionValue("sse");
        String kmsKey = c.getOptionValue("sse-kms-key-id");
        if (sse == null) {
            if (kmsKey != null) {
                throw new UsageError("--sse-kms-key-id needs --sse aws:kms", Optional.empty());
            }
            return null;
        }
        return switch (sse.strip()) {
            case "AES256" -> {
                if (kmsKey != null) {
                    throw new UsageError("--sse-kms-key-id needs --sse aws:kms, not AES256", Optional.empty());
                }
                yield new dev.rackside.s3.Encryption.SseS3();
            }
            case "aws:kms" -> new dev.rackside.s3.Encryption.SseKms(Optional.ofNullable(kmsKey).map(String::strip)
                    .filter(k -> !k.isEmpty()));
            default -> throw new UsageError("Invalid value for option '--sse': '" + sse + "' (AES256 or aws:kms)",
                    Optional.empty());
        };
    }

    /// A bandwidth limit option in bytes/s, 0 for none.
    private static long limit(Given c, String option) throws UsageError {
        String v = c.getOptionValue(option);
        try {
            return dev.rackside.s3.Rates.parse(v); // never negative
        } catch (NumberFormatException e) {
            throw new UsageError("Invalid value for option '--" + option + "': '" + v
                    + "' (a rate such as 500K, 10M, 10MiB/s or 1G)", Optional.empty());
        }
    }

    private static int concurrency(Given c) throws UsageError {
        String v = c.getOptionValue("concurrency");
        if (v == null) {
            return DEFAULT_CONCURRENCY;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError("Invalid value for option '--concurrency': '" + v + "' is not a whole number of 1 or more",
                Optional.empty());
    }

    private static Path path(Given c, String option) throws UsageError {
        String v = c.getOptionValue(option);
        try {
            return v == null ? null : Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageError("Invalid value for option '--" + option + "': " + e.getMessage(), Optional.empty());
        }
    }

    private static Option valued(String name, String argName, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
    }

    private static Option help() {
        return Option.builder("h").longOpt("help").desc("Show this help message and exit.").get();
    }
}
