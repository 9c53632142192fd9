import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/// Prepares the class path that goes into the installer, in place:
///
///     java installers/PackJars.java DIR
///
/// - drops the native libraries of other platforms from jars that carry one per OS and CPU
///   (sqlite-jdbc: 24 of them, 13 MB; JNA: 26): an installer runs on one platform only;
/// - stores every entry uncompressed. The packages compress their payload as a whole (xz for .deb
///   and .rpm), and that finds far more in plain class files than in separately deflated ones:
///   the jars' share of the .deb halves. Installed, the jars are larger, and read without inflating.
///
/// Signed jars stay valid: signatures cover the entries' contents, not how they are compressed.
/// Run by the `installer` profile of app, before the runtime is linked and the AOT cache trained
/// (the cache records the jars as they ship).
public final class PackJars {
    /// Native libraries in a per-platform folder (group 1); only this platform's folder is kept.
    record Natives(Pattern entry, String keep) {
        boolean foreign(String name) {
            Matcher m = entry.matcher(name);
            return m.matches() && !m.group(1).equals(keep);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            fail("usage: java installers/PackJars.java DIR");
        }
        Path dir = Path.of(args[0]);
        List<Natives> natives = natives(System.getProperty("os.name"), System.getProperty("os.arch"));
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            fail("no jars in " + dir);
        }
        long before = 0;
        long after = 0;
        int dropped = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            dropped += repack(jar, natives);
            after += Files.size(jar);
        }
        System.out.printf(Locale.ROOT, "[jars] %d jars, %.1f MB deflated -> %.1f MB stored; %d native libraries of other"
                + " platforms dropped%n", jars.size(), before / 1048576.0, after / 1048576.0, dropped);
    }

    static List<Natives> natives(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean arm = osArch.equals("aarch64") || osArch.equals("arm64");
        if (!arm && !osArch.equals("amd64") && !osArch.equals("x86_64")) {
            fail("unexpected CPU " + osArch + ": the installers are built for x86_64 and aarch64");
        }
        String sqliteOs = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Mac" : "Linux";
        String jnaOs = os.startsWith("windows") ? "win32" : os.startsWith("mac") ? "darwin" : "linux";
        return List.of(
                // sqlite-jdbc picks org/sqlite/native/<OS>/<arch>/; the JDK runtime is built for glibc,
                // so its Linux-Musl and Linux-Android folders are never chosen next to it.
                new Natives(Pattern.compile("org/sqlite/native/(.+)/[^/]*sqlitejdbc\\.[a-z]+"),
                        sqliteOs + "/" + (arm ? "aarch64" : "x86_64")),
                new Natives(Pattern.compile("com/sun/jna/([^/]+)/[^/]*jnidispatch\\.[a-z]+"),
                        jnaOs + "-" + (arm ? "aarch64" : "x86-64")));
    }

    /// Rewrites one jar with its entries stored, in their order, without foreign natives.
    static int repack(Path jar, List<Natives> natives) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int dropped = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e : in.stream().toList()) {
                if (natives.stream().anyMatch(n -> n.foreign(e.getName()))) {
                    dropped++;
                    continue;
                }
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                copy.setCrc(crc.getValue());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return dropped;
    }

    static void fail(String message) {
        System.err.println("[jars] ERROR: " + message);
        System.exit(1);
    }
}
