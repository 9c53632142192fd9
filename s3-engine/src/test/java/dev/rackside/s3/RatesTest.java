package dev.rackside.s3;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatesTest {

    @Test
    void decimalAndBinaryUnitsReadLikeOtherTools() {
        assertEquals(10_000_000, Rates.parse("10M"));
        assertEquals(1_500, Rates.parse("1.5K"));
        assertEquals(2_000_000_000L, Rates.parse("2GB"));
        assertEquals(10_000_000, Rates.parse(" 10 MB/s "));
        assertEquals(10L * 1024 * 1024, Rates.parse("10MiB/s"));
        assertEquals(512 * 1024, Rates.parse("0.5mib"));
        assertEquals(3L << 30, Rates.parse("3Gi"));
        assertEquals(4096, Rates.parse("4096"));
        assertEquals(0, Rates.parse("0"));
        assertEquals(0, Rates.parse(null));
        assertEquals(0, Rates.parse("  "));
        assertEquals(2_500_000, Rates.parse("2,5\u00a0M"));
        assertEquals(1, Rates.parse("0.4"), "a tiny limit stays a limit, never 0 (none)");
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : List.of("ten", "-5M", "10X", "1e3", "10M-", "M", "NaN", "99999999999G")) {
            assertThrows(NumberFormatException.class, () -> Rates.parse(bad), bad);
        }
    }
}
