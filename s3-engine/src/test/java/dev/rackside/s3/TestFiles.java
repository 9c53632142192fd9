package dev.rackside.s3;

import dev.rackside.s3.internal.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/// Random files and their digests.
final class TestFiles {
    private TestFiles() {
    }

    static Path random(Path dir, String name, long size, long seed) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Random r = new Random(seed);
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(p)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
        return p;
    }

    static String sha256(Path p) throws IOException {
        var md = Hashes.sha256();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[256 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return Hashes.hex(md.digest());
    }
}
