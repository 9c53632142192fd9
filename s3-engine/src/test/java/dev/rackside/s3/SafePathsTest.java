package dev.rackside.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafePathsTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "a/..", "./a", "a/./b", "/etc/passwd", "//server/share", "a//b",
            "C:/Windows/x", "c:x", "a/D:/x", "a\\..\\..\\x", "..\\x", "CON", "con.txt", "a/NUL", "nul.tar.gz", "COM1",
            "lpt9.log", "COM\u00b9", "AUX", "PRN.x", "CONIN$", "a/b.", "a/b ", "dir./x", "x\u0000y", "x\ny", "tab\there",
            "del\u007f", "a/", "", "what?", "a*b", "pipe|x", "quo\"te", "<tag>", "stream.txt:hidden"})
    void hostileKeysAreRefused(String key) {
        assertThrows(S3EngineException.UnsafeKey.class, () -> SafePaths.resolve(root, key));
    }

    @Test
    void ordinaryKeysMapUnderTheRoot() {
        assertEquals(root.resolve("photos/2026/cat.jpg").toAbsolutePath(), SafePaths.resolve(root, "photos/2026/cat.jpg"));
        assertEquals(root.resolve("..hidden").toAbsolutePath(), SafePaths.resolve(root, "..hidden"));
        assertEquals(root.resolve("console.log").toAbsolutePath(), SafePaths.resolve(root, "console.log"));
        assertEquals(root.resolve("ünïcödé/日本.txt").toAbsolutePath(), SafePaths.resolve(root, "ünïcödé/日本.txt"));
    }

    @Test
    void aLinkLeadingOutIsRefused(@TempDir Path elsewhere) throws Exception {
        Files.createSymbolicLink(root.resolve("link"), elsewhere);
        assertThrows(S3EngineException.UnsafeKey.class, () -> SafePaths.resolve(root, "link/x.txt"));
    }

    /// Property: whatever the key, a resolved path is strictly inside the root.
    @Test
    void randomKeysNeverEscape() {
        List<String> atoms = List.of("..", ".", "/", "\\", "a", "b.", "CON", ":", "C:", " ", "\u0000", "x", "..a", "~",
                "%2e%2e", "\u2025", "\uff0e\uff0e", "com1", "/..", "../", "$", "\u202e");
        Random random = new Random(42);
        Path base = root.toAbsolutePath().normalize();
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                key.append(atoms.get(random.nextInt(atoms.size())));
            }
            try {
                Path p = SafePaths.resolve(root, key.toString());
                assertTrue(p.normalize().startsWith(base) && !p.normalize().equals(base), key + " -> " + p);
                assertTrue(!p.getFileName().toString().endsWith(".") && !p.getFileName().toString().endsWith(" "));
                accepted++;
            } catch (S3EngineException.UnsafeKey expected) {
                // refused is always safe
            }
        }
        assertTrue(accepted > 100, "the generator also produces acceptable keys: " + accepted);
    }
}
