package dev.rackside.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/// Sends the app's and libraries' `System.Logger` output (backed by java.util.logging) to a
/// rotating log file: five files of 5 MB in the OS-appropriate log folder.
final class LogFiles {
    private static final int LIMIT = 5 * 1024 * 1024;
    private static final int COUNT = 5;

    private LogFiles() {
    }

    /// Returns the log folder, or null when it cannot be written (the app still runs, logging to stderr).
    static Path install(Path folder) {
        try {
            Files.createDirectories(folder);
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
            FileHandler file = new FileHandler(folder.resolve("rackside-%g.log").toString(), LIMIT, COUNT, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            Logger root = Logger.getLogger("");
            root.addHandler(file);
            Logger.getLogger("dev.rackside").setLevel(Level.INFO);
            return folder;
        } catch (IOException | SecurityException e) {
            Logger.getLogger("dev.rackside.app").log(Level.WARNING, "cannot write log files to " + folder, e);
            return null;
        }
    }
}
