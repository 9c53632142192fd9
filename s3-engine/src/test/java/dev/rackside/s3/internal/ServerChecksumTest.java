package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rackside.s3.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;

/// The full-object checksums a download checks when a server keeps one, against outside values.
class ServerChecksumTest {

    @Test
    void crc64NvmeMatchesTheCataloguesCheckValueAndAwsItself() {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0xAE8B14860A799888L, crc.getValue(), "CRC-64/NVME check value");
        // AWS's own answer to a PUT of "data" without a checksum (a captured S3 response).
        assertEquals("7a5hQ478J4A=", new ServerChecksum.Expected("CRC64NVME", "").of("data".getBytes(StandardCharsets.US_ASCII)));
        crc.reset();
        assertEquals(0L, crc.getValue(), "the CRC of nothing");
    }

    @Test
    void crc64NvmeEqualsABitAtATimeReferenceForAnyLengthAndSplit() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[round < 100 ? round : random.nextInt(70_000)];
            random.nextBytes(data);
            Crc64Nvme crc = new Crc64Nvme();
            int split = data.length == 0 ? 0 : random.nextInt(data.length);
            crc.update(data, 0, split);
            if (split < data.length) {
                crc.update(data[split]); // the one-byte form, between two array updates
                crc.update(data, split + 1, data.length - split - 1);
            }
            assertEquals(TestFiles.crc64Nvme(data), crc.getValue(), "length " + data.length + ", split at " + split);
        }
    }

    @Test
    void crcDigestsGiveTheSameBase64AsTheSdkAndAsTheJdk() {
        byte[] data = new byte[100_003];
        new Random(7).nextBytes(data);
        for (String algorithm : new String[] {"CRC32", "CRC32C", "SHA1", "SHA256"}) {
            SdkChecksum sdk = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.fromValue(algorithm));
            sdk.update(data, 0, data.length);
            assertEquals(Base64.getEncoder().encodeToString(sdk.getChecksumBytes()),
                    new ServerChecksum.Expected(algorithm, "").of(data), algorithm);
        }
        CRC32C jdk = new CRC32C();
        jdk.update(data);
        byte[] digest = new ServerChecksum.Expected("CRC32C", "").digest().digest(data);
        assertEquals(jdk.getValue(), Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(digest).getInt()), "big-endian");
        CRC32 crc32 = new CRC32();
        crc32.update(data);
        assertNotEquals(crc32.getValue(), jdk.getValue(), "two different CRCs");
    }
}
