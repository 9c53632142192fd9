package dev.rackside.s3;

import dev.rackside.s3.internal.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/// Random files and their digests.
public final class TestFiles {
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

    /// CRC-64/NVME (S3's CRC64NVME) one bit at a time, from its definition: the reflected form of
    /// the polynomial 0xAD93D23594C93659, all-ones initial value and final XOR. Slow, and
    /// independent of the engine's table-driven one.
    public static long crc64Nvme(byte[] data) {
        long poly = Long.reverse(0xAD93D23594C93659L);
        long crc = -1L;
        for (byte b : data) {
            crc ^= b & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
        }
        return ~crc;
    }
}
