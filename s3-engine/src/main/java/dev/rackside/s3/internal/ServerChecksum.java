package dev.rackside.s3.internal;

import software.amazon.awssdk.http.SdkHttpResponse;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/// A full-object checksum the server keeps, as a HEAD or GET with `x-amz-checksum-mode: ENABLED`
/// returns it. Downloads of objects without Rackside's SHA-256 check it before an ETag that looks
/// like an MD5 (which a matching MD5 can still overrule), so objects another tool uploaded in parts,
/// and SSE-KMS ones, are verified too. AWS gives every new object a CRC64NVME when its uploader
/// sent no checksum.
final class ServerChecksum {
    /// The algorithms in the order the SDK prefers them when a server sends several.
    private static final List<String> ALGORITHMS = List.of("CRC64NVME", "CRC32C", "CRC32", "SHA1", "SHA256");
    private static final Pattern MULTIPART_ETAG = Pattern.compile("(W/)?\"?[0-9a-fA-F]+-\\d+\"?");

    private ServerChecksum() {
    }

    record Expected(String algorithm, String value) {
        /// A fresh digest of this algorithm; its result is the checksum's bytes (big-endian for the CRCs).
        MessageDigest digest() {
            return ServerChecksum.digest(algorithm);
        }

        /// The checksum of `data`, base64 like the header.
        String of(byte[] data) {
            return encode(digest().digest(data));
        }

        static String encode(byte[] digest) {
            return Base64.getEncoder().encodeToString(digest);
        }
    }

    /// The first full-object checksum in `r`, or null. Composite ones (multipart objects, a
    /// checksum of the parts' checksums, `…-N`) cannot be checked from the bytes alone.
    static Expected of(SdkHttpResponse r) {
        var type = r.firstMatchingHeader("x-amz-checksum-type");
        if (type.filter("COMPOSITE"::equalsIgnoreCase).isPresent()) {
            return null;
        }
        // Garage sends a multipart object's composite checksum with neither the type nor the "-N":
        // an object whose ETag says it was uploaded in parts counts only when called FULL_OBJECT.
        boolean multipart = r.firstMatchingHeader("ETag").filter(e -> MULTIPART_ETAG.matcher(e).matches()).isPresent();
        if (multipart && type.filter("FULL_OBJECT"::equalsIgnoreCase).isEmpty()) {
            return null;
        }
        for (String a : ALGORITHMS) {
            var v = r.firstMatchingHeader("x-amz-checksum-" + a.toLowerCase(Locale.ROOT));
            byte[] bytes = v.filter(x -> !x.contains("-")).map(ServerChecksum::decode).orElse(null);
            if (bytes != null && bytes.length == width(a)) { // anything else is not a checksum of the bytes
                return new Expected(a, Expected.encode(bytes)); // padded, as our digests are encoded
            }
        }
        return null;
    }

    /// A fresh digest of `algorithm` (S3's name); its result is the checksum's bytes (big-endian for the CRCs).
    static MessageDigest digest(String algorithm) {
        return switch (algorithm) {
            case "CRC64NVME" -> new CrcDigest(algorithm, new Crc64Nvme(), 8);
            case "CRC32C" -> new CrcDigest(algorithm, new CRC32C(), 4);
            case "CRC32" -> new CrcDigest(algorithm, new CRC32(), 4);
            case "SHA1" -> Hashes.digest("SHA-1");
            case "SHA256" -> Hashes.sha256();
            default -> throw new IllegalStateException("no digest for " + algorithm);
        };
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int width(String algorithm) {
        return switch (algorithm) {
            case "CRC64NVME" -> 8;
            case "CRC32C", "CRC32" -> 4;
            case "SHA1" -> 20;
            default -> 32;
        };
    }

    /// A CRC as a MessageDigest, so the download's in-order hasher feeds it like SHA-256.
    private static final class CrcDigest extends MessageDigest {
        private final Checksum crc;
        private final int width;

        CrcDigest(String name, Checksum crc, int width) {
            super(name);
            this.crc = crc;
            this.width = width;
        }

        @Override
        protected void engineUpdate(byte input) {
            crc.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            crc.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            long v = crc.getValue();
            crc.reset();
            byte[] out = new byte[width];
            for (int i = width - 1; i >= 0; i--, v >>>= 8) {
                out[i] = (byte) v;
            }
            return out;
        }

        @Override
        protected void engineReset() {
            crc.reset();
        }

        @Override
        protected int engineGetDigestLength() {
            return width;
        }
    }
}
