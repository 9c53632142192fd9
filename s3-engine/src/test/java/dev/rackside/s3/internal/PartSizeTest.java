package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
