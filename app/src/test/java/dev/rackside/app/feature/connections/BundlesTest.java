package dev.rackside.app.feature.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// English and French must offer the same keys, or the French UI shows `!key!`.
class BundlesTest {
    @ParameterizedTest
    @ValueSource(strings = {"/dev/rackside/app/feature/connections/messages", "/dev/rackside/app/settings/messages"})
    void frenchHasEveryEnglishKey(String base) throws Exception {
        assertEquals(keys(base + ".properties"), keys(base + "_fr.properties"));
    }

    private static TreeSet<String> keys(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
