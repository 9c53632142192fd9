package dev.rackside.s3.cli;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.cli.Arguments.Command;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/// A command's own options, as aws-cli's `s3` commands name them: `--recursive`, `--exclude` and
/// `--include`, `--delete`, `--size-only` and `--exact-timestamps` (sync), `--dryrun`, `--quiet`
/// and `--only-show-errors`, and `ls`'s `--human-readable` and `--summarize`.
record Flags(boolean recursive, Filters filters, boolean delete, boolean dryRun, boolean quiet, boolean sizeOnly,
             boolean exactTimestamps, boolean humanReadable, boolean summarize) {

    /// Adds the options `command` takes besides `--recursive` and `--help`.
    static void addTo(Options o, Command command) {
        if (command == Command.LS) {
            o.addOption(flag("human-readable", "Sizes in Bytes, KiB, MiB, GiB, TiB, PiB or EiB."));
            o.addOption(flag("summarize", "End with the number of objects and their total size."));
            return;
        }
        o.addOption(valued("exclude", "Leave out files and objects whose path below the source matches PATTERN "
                + "(* any characters, / included; ? one; [abc] one of a set). May be repeated."));
        o.addOption(valued("include", "Take files and objects matching PATTERN back in after an --exclude; "
                + "the last matching --exclude or --include decides."));
        if (command == Command.SYNC) {
            o.addOption(flag("delete", "Also delete files or objects at DST that SRC does not have (those the "
                    + "filters select), once every copy has succeeded."));
            o.addOption(flag("size-only", "Copy only what is missing or differs in size, whatever its time."));
            o.addOption(flag("exact-timestamps", "Downloading, also copy same-sized objects whose time is not the "
                    + "file's to the second (by default only newer ones)."));
        }
        o.addOption(flag("dryrun", "Print what would be done, and do nothing."));
        o.addOption(flag("quiet", "Print no line per file or object; errors are still printed."));
        o.addOption(flag("only-show-errors", "As --quiet."));
    }

    /// The flags of a parsed command line; the filters in the order given.
    static Flags of(CommandLine own) {
        List<Filters.Rule> rules = new ArrayList<>();
        for (Option given : own.getOptions()) {
            if ("exclude".equals(given.getLongOpt()) || "include".equals(given.getLongOpt())) {
                rules.add(Filters.Rule.of("include".equals(given.getLongOpt()), given.getValue()));
            }
        }
        return new Flags(own.hasOption("recursive"), new Filters(rules), own.hasOption("delete"), own.hasOption("dryrun"),
                own.hasOption("quiet") || own.hasOption("only-show-errors"), own.hasOption("size-only"),
                own.hasOption("exact-timestamps"), own.hasOption("human-readable"), own.hasOption("summarize"));
    }

    /// The objects under `prefix` whose path below it the filters select.
    Stream<ObjectInfo> selected(S3Engine s3, String bucket, String prefix) {
        return s3.objects(bucket, prefix).filter(o -> filters.test(o.key().substring(prefix.length())));
    }

    /// Where a command reports each file or object: nowhere under `--quiet`.
    PrintWriter report(PrintWriter out) {
        return quiet ? new PrintWriter(Writer.nullWriter()) : out;
    }

    /// The line a command prints for an action, marked as not done under `--dryrun`.
    String line(String action) {
        return dryRun ? "(dryrun) " + action : action;
    }

    private static Option valued(String name, String description) {
        return Option.builder().longOpt(name).hasArg().argName("PATTERN").desc(description).get();
    }

    private static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }
}
