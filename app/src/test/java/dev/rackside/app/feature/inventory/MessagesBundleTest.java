package dev.rackside.app.feature.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/// Every inventory text exists in English and French, and none is left empty.
class MessagesBundleTest {

    private static Properties load(String file) throws Exception {
        String path = "/" + InventoryViewModel.class.getPackageName().replace('.', '/') + "/" + file;
        try (InputStream in = InventoryViewModel.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void frenchHasExactlyTheEnglishKeys() throws Exception {
        Properties en = load("messages.properties");
        Properties fr = load("messages_fr.properties");
        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(fr.stringPropertyNames()));
        fr.forEach((k, v) -> assertFalse(v.toString().isBlank(), k.toString()));
    }
}
