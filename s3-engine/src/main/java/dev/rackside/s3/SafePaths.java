package dev.rackside.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/// Maps an object key to a file under a chosen folder, refusing every key that could write
/// outside it or that some operating system cannot store.
///
/// The same rules apply on every OS, so a folder downloaded on Linux can be copied to Windows
/// and a key refused on one machine is refused on all. Refused: empty and `.`/`..` segments,
/// leading `/` (absolute), `\` (a separator on Windows), `:` (drive letters, NTFS streams),
/// control characters, `<>"|?*`, Windows device names (`CON`, `NUL`, `COM1`, `LPT¹`, also with an
/// extension), segments ending in a dot or space, segments over 255 bytes, and paths through a
/// symbolic link that leads out of the folder.
public final class SafePaths {
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$");
    private static final Pattern NUMBERED_DEVICE = Pattern.compile("(COM|LPT)[0-9\u00b9\u00b2\u00b3]");
    private static final String FORBIDDEN = "<>:\"|?*\\";

    private SafePaths() {
    }

    /// The file `key` maps to under `root`; [S3EngineException.UnsafeKey] when refused.
    public static Path resolve(Path root, String key) {
        if (key == null || key.isEmpty()) {
            throw new S3EngineException.UnsafeKey(String.valueOf(key), "the key is empty");
        }
        if (key.startsWith("/")) {
            throw new S3EngineException.UnsafeKey(key, "it is an absolute path");
        }
        if (key.endsWith("/")) {
            throw new S3EngineException.UnsafeKey(key, "it names a folder, not a file");
        }
        Path base = root.toAbsolutePath().normalize();
        Path target = base;
        for (String segment : key.split("/", -1)) {
            check(key, segment);
            target = target.resolve(segment);
        }
        target = target.normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new S3EngineException.UnsafeKey(key, "it points outside the chosen folder");
        }
        checkLinks(key, base, target);
        return target;
    }

    private static void check(String key, String s) {
        if (s.isEmpty()) {
            throw new S3EngineException.UnsafeKey(key, "it contains an empty path segment (//)");
        }
        if (s.equals(".") || s.equals("..")) {
            throw new S3EngineException.UnsafeKey(key, "it contains a \"" + s + "\" segment");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new S3EngineException.UnsafeKey(key, "it contains a control character");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new S3EngineException.UnsafeKey(key, "it contains '" + c + "', which Windows does not allow in file names");
            }
        }
        char last = s.charAt(s.length() - 1);
        if (last == '.' || last == ' ') {
            throw new S3EngineException.UnsafeKey(key, "a name ends with a dot or space, which Windows drops");
        }
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        String upper = stem.strip().toUpperCase(Locale.ROOT);
        if (DEVICES.contains(upper) || NUMBERED_DEVICE.matcher(upper).matches()) {
            throw new S3EngineException.UnsafeKey(key, "\"" + s + "\" is a reserved device name on Windows");
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new S3EngineException.UnsafeKey(key, "a name is longer than 255 bytes");
        }
    }

    // A folder inside root that is a symlink to elsewhere would let a download escape.
    private static void checkLinks(String key, Path base, Path target) {
        try {
            Path realBase = Files.exists(base) ? base.toRealPath() : base;
            for (Path p = target.getParent(); p != null && p.startsWith(base) && !p.equals(base); p = p.getParent()) {
                if (Files.isSymbolicLink(p) || (Files.exists(p) && !p.toRealPath().startsWith(realBase))) {
                    throw new S3EngineException.UnsafeKey(key, "a folder on its path is a link that leads outside the chosen folder");
                }
            }
            if (Files.isSymbolicLink(target)) {
                throw new S3EngineException.UnsafeKey(key, "the target is a symbolic link");
            }
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(target, "cannot check the path (" + e.getMessage() + ")", e);
        }
    }
}
