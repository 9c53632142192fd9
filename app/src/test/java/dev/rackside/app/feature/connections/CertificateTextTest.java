package dev.rackside.app.feature.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CertificateTextTest {
    @Test
    void fingerprintIsFourLinesOfEightPairs() {
        String fp = String.join(":", java.util.Collections.nCopies(32, "AB"));
        String grouped = CertificateText.grouped(fp);
        String[] lines = grouped.split("\n");
        assertEquals(4, lines.length);
        assertEquals("AB AB AB AB AB AB AB AB", lines[0]);
    }
}
