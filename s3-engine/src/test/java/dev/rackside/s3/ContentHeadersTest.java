package dev.rackside.s3;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentHeadersTest {

    @Test
    void blankValuesAreAbsentAndAwsChunkedIsNeverKept() {
        ContentHeaders h = ContentHeaders.of(" ", "attachment", "aws-chunked, gzip", null, "0");
        assertEquals(Optional.empty(), h.cacheControl());
        assertEquals(Optional.of("attachment"), h.contentDisposition());
        assertEquals(Optional.of("gzip"), h.contentEncoding());
        assertEquals(Optional.of("0"), h.expires(), "S3 keeps any Expires text; so does a copy");
        assertEquals(Optional.empty(), ContentHeaders.of(null, null, "AWS-CHUNKED", null, null).contentEncoding());
    }
}
