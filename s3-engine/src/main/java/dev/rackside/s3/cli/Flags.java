package dev.rackside.s3.cli;

import dev.rackside.s3.cli.Arguments.Command;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/// A command's own options, as aws-cli's `s3` commands name them: `--recursive`, `--exclude` and
/// `--include`, `--delete` (sync), `--dryrun`, `--quiet` and `--only-show-errors`.
record Flags(boolean recursive, Filters filters, boolean delete, boolean dryRun, boolean quiet) {
    static final Flags NONE = new Flags(false, Filters.NONE, false, false, false);

    /// Adds the options `command` takes besides `--recursive` and `--help`.
    static void addTo(Options o, Command command) {
        if (command == Command.LS) {
            return;
        }
        o.addOption(valued("exclude", "Leave out files and objects whose path below the source matches PATTERN "
                + "(* any characters, / included; ? one; [abc] one of a set). May be repeated."));
        o.addOption(valued("include", "Take files and objects matching PATTERN back in after an --exclude; "
                + "the last matching --exclude or --include decides."));
        if (command == Command.SYNC) {
            o.addOption(flag("delete", "Also delete files or objects at DST that SRC does not have (those the "
                    + "filters select), once every copy has succeeded."));
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
                own.hasOption("quiet") || own.hasOption("only-show-errors"));
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
