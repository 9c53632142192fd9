package dev.rackside.s3.cli;

import dev.rackside.s3.cli.Arguments.Command;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.util.Optional;

/// The usage help printed for `--help`, for a bare `rackside-s3`, and after a usage error.
final class Usage {
    private static final int WIDTH = 100;

    private Usage() {
    }

    static void print(PrintWriter w, Optional<Command> command) {
        if (command.isEmpty()) {
            w.println("Usage: rackside-s3 [OPTIONS] COMMAND [ARGS]");
            w.println("Copy, sync, list and delete S3 objects with resumable, checksummed transfers.");
            w.println();
            w.println("Commands:");
            for (Command c : Command.values()) {
                w.printf("  %-5s %s%n", c.word, c.description);
            }
            options(w, Arguments.globalOptions());
            w.println();
            w.println("Run 'rackside-s3 COMMAND --help' for a command's own options.");
        } else {
            Command c = command.get();
            Options own = c.options();
            w.println("Usage: rackside-s3 [OPTIONS] " + c.word + " " + c.operands
                    + (own.hasLongOption("recursive") ? " [--recursive]" : ""));
            w.println(c.description);
            options(w, own);
            w.println();
            w.println("OPTIONS are the global options listed by 'rackside-s3 --help'; they may also follow "
                    + c.word + ".");
        }
        w.flush();
    }

    private static void options(PrintWriter w, Options options) {
        w.println();
        w.println("Options:");
        HelpFormatter f = HelpFormatter.builder().setShowDeprecated(false).get();
        f.setOptionComparator(null); // as declared, not alphabetical
        f.printOptions(w, WIDTH, options, 2, 3);
    }
}
