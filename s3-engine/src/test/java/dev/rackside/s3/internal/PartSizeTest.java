package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartSizeTest {
    static final long MIB = EngineOptions.MIB;

    @Test
    void smallObjectsUseTheMinimum() {
        assertEquals(8 * MIB, Uploader.partSize(100 * MIB, 8 * MIB));
        assertEquals(8 * MIB, Uploader.partSize(10_000 * 8 * MIB, 8 * MIB), "exactly 10,000 parts");
    }

    @Test
    void partsGrowSoNoObjectNeedsMoreThanTenThousand() {
        long fiveTib = 5L * 1024 * 1024 * MIB;
        long part = Uploader.partSize(fiveTib, 8 * MIB);
        assertTrue((fiveTib + part - 1) / part <= 10_000);
        assertEquals(0, part % MIB);
        assertTrue(part <= 5L * 1024 * MIB, "within S3's 5 GiB part limit");
        long justOver = 10_000 * 8 * MIB + 1;
        assertEquals(9 * MIB, Uploader.partSize(justOver, 8 * MIB));
    }

    /// A resumed or adopted upload keeps its own part size when it can still make the object.
    @Test
    void aStoredPartSizeFitsWithinS3sLimitsAndOneBuffer() {
        assertTrue(Uploader.partSizeFits(5 * MIB, 17 * MIB));
        assertTrue(Uploader.partSizeFits(3 * MIB, 2 * MIB), "one part may be small");
        assertFalse(Uploader.partSizeFits(4 * MIB, 17 * MIB), "below S3's 5 MiB minimum");
        assertFalse(Uploader.partSizeFits(5 * MIB, 10_001 * 5 * MIB), "more than 10,000 parts");
        assertTrue(Uploader.partSizeFits(5 * MIB, 10_000 * 5 * MIB));
        assertFalse(Uploader.partSizeFits(2048 * MIB, 100_000 * MIB), "not held in one buffer");
        assertFalse(Uploader.partSizeFits(0, 1));
        assertTrue(Uploader.partSizeFits(EngineOptions.MAX_PART_SIZE, 100_000 * MIB), "the largest minimum part size fits");
    }
}
