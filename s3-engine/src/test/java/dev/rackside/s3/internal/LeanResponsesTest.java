package dev.rackside.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rackside.s3.S3EngineException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/// What the lean path reads from responses without a server at hand: full-object checksums
/// (S3Proxy returns none) and error bodies of every shape.
class LeanResponsesTest {
    static final byte[] DATA = "the object's bytes".getBytes(StandardCharsets.UTF_8);

    static SdkHttpResponse response(int status, String... headers) {
        var b = SdkHttpResponse.builder().statusCode(status);
        for (int i = 0; i < headers.length; i += 2) {
            b.putHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static String base64(long crc) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc).array());
    }

    @Test
    void fullObjectChecksumsAreCheckedAndCompositeOnesSkipped() {
        CRC32 crc32 = new CRC32();
        crc32.update(DATA);
        CRC32C crc32c = new CRC32C();
        crc32c.update(DATA);
        var one = ServerChecksum.of(response(200, "x-amz-checksum-crc32", base64(crc32.getValue())));
        assertEquals("CRC32", one.algorithm());
        assertEquals(one.value(), one.of(DATA));
        assertNotEquals(one.value(), one.of("other bytes".getBytes(StandardCharsets.UTF_8)));

        // CRC32C is preferred over CRC32, as by the SDK.
        var both = ServerChecksum.of(response(200, "x-amz-checksum-crc32", base64(crc32.getValue()),
                "x-amz-checksum-crc32c", base64(crc32c.getValue())));
        assertEquals("CRC32C", both.algorithm());
        assertEquals(both.value(), both.of(DATA));

        assertNull(ServerChecksum.of(response(200, "x-amz-checksum-crc32", "AAAAAA==-3")));
        assertNull(ServerChecksum.of(response(200, "x-amz-checksum-crc32", "AAAAAA==", "x-amz-checksum-type", "COMPOSITE")));
        assertNull(ServerChecksum.of(response(200, "ETag", "\"abc\"")));

        // Garage: a multipart object's composite CRC32C, with neither "-N" nor a checksum type.
        String crc = base64(crc32c.getValue());
        assertNull(ServerChecksum.of(response(200, "ETag", "\"0f343b0931126a20f133d67c2b018a3b-2\"", "x-amz-checksum-crc32c", crc)));
        var full = ServerChecksum.of(response(200, "ETag", "\"0f343b0931126a20f133d67c2b018a3b-2\"",
                "x-amz-checksum-crc32c", crc, "x-amz-checksum-type", "FULL_OBJECT"));
        assertEquals(crc, full.value());
        assertEquals(crc, ServerChecksum.of(response(200, "ETag", "\"0f343b0931126a20f133d67c2b018a3b\"", "x-amz-checksum-crc32c", crc)).value());
    }

    @Test
    void garagesWrongRegionNamesItsRegionInTheBody() {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AuthorizationHeaderMalformed</Code>"
                + "<Message>Authorization header malformed, unexpected scope: 20261122/us-east-1/s3/aws4_request</Message>"
                + "<Resource>/b/k</Resource><Region>garage</Region></Error>").getBytes(StandardCharsets.UTF_8);
        var e = Errors.map(LeanErrors.toException(response(400), xml), "download", "us-east-1", 1);
        assertEquals(java.util.Optional.of("garage"), assertInstanceOf(S3EngineException.WrongRegion.class, e).suggestedRegion());
    }

    @Test
    void errorBodiesOfEveryShapeBecomeS3Exceptions() {
        byte[] xml = ("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The key &amp; more</Message>"
                + "<RequestId>R1</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        var missing = LeanErrors.toException(response(404), xml);
        assertInstanceOf(NoSuchKeyException.class, missing);
        assertEquals("The key & more", missing.awsErrorDetails().errorMessage());
        assertEquals("R1", missing.requestId());
        assertInstanceOf(S3EngineException.NotFound.class, Errors.map(missing, "download", "us-east-1", 1));

        var bare = LeanErrors.toException(response(403, "x-amz-request-id", "R2"), new byte[0]);
        assertEquals("Forbidden", bare.awsErrorDetails().errorCode());
        assertEquals("R2", bare.requestId());
        assertInstanceOf(S3EngineException.AccessDenied.class, Errors.map(bare, "download", "us-east-1", 1));

        var html = LeanErrors.toException(response(502), "<html><body>Bad gateway".getBytes(StandardCharsets.UTF_8));
        assertEquals(502, html.statusCode());
        assertNull(html.awsErrorDetails().errorCode());
        assertEquals(true, Errors.retryable(html));

        byte[] redirect = "<Error><Code>PermanentRedirect</Code><Message>Use the eu-west-1 endpoint</Message></Error>"
                .getBytes(StandardCharsets.UTF_8);
        var moved = LeanErrors.toException(response(301, "x-amz-bucket-region", "eu-west-1"), redirect);
        var mapped = Errors.map(moved, "download", "us-east-1", 1);
        assertInstanceOf(S3EngineException.WrongRegion.class, mapped);
        assertEquals(true, mapped.getMessage().contains("eu-west-1"), mapped.getMessage());

        byte[] entity = "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>"
                .getBytes(StandardCharsets.UTF_8);
        assertNull(LeanErrors.toException(response(400), entity).awsErrorDetails().errorCode(), "no DTDs from the network");
    }
}
