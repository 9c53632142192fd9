package dev.rackside.s3.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.sqlite.util.LibraryLoaderUtil;

/// A build step: unpacks sqlite-jdbc's native library for the build machine next to the CLI's jar
/// (`rackside-s3.native/`), so the launcher can point `org.sqlite.lib.path` at it.
///
/// Without it, every `rackside-s3` start spawns `uname -o` (sqlite-jdbc's Android check) and
/// copies the 1 MB library out of the jar to a temporary file and compares it: about 110 ms of a
/// 0.5 s `ls` on this project's build machine. sqlite-jdbc's own resolver picks the library, so
/// musl, Android and the CPU architecture are decided as they would be at run time.
///
/// The folder also gets `name` (the library's file name) and `platform` (`uname -sm` of the build
/// machine). The launcher uses the folder only when `platform` matches the machine it runs on and
/// the folder is newer than the jar; anything else falls back to sqlite-jdbc's own extraction, as
/// does a library that fails to load. Argument: the folder to (re)create.
public final class SqliteNative {
    private SqliteNative() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Path.of(args[0]);
        deleteFolder(folder);
        String platform = unameSm();
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
            if (platform == null || in == null) {
                // No uname (plain Windows) or no bundled library for this machine: the launcher
                // finds no folder and sqlite-jdbc extracts as usual.
                System.out.println("rackside-s3: no unpacked SQLite library for this machine ("
                        + (platform == null ? "no uname" : resource + " is not in the jar") + ")");
                return;
            }
            Files.createDirectories(folder);
            Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(folder.resolve("name"), name + "\n");
        // Written last: the launcher checks this file, so a half-written folder is never used.
        Files.writeString(folder.resolve("platform"), platform + "\n");
    }

    private static String unameSm() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("uname", "-sm").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}
