package dev.rackside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// Every user-facing text exists in English and French, and every key the code asks for exists.
class BundlesTest {
    private static final Pattern KEY_USE = Pattern.compile("\\.get\\(\"([a-zA-Z0-9_.]+)\"");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws Exception {
        List<Path> english = bundles();
        assertFalse(english.isEmpty());
        for (Path en : english) {
            Path fr = en.resolveSibling("messages_fr.properties");
            assertTrue(Files.exists(fr), "missing French bundle beside " + en);
            assertEquals(new TreeSet<>(load(en).stringPropertyNames()), new TreeSet<>(load(fr).stringPropertyNames()),
                    "keys differ between " + en + " and its French twin");
        }
    }

    @Test
    void everyKeyUsedInCodeExistsInItsPackagesBundle() throws Exception {
        Path src = Path.of("src/main/java/dev/rackside/app");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(java);
                if (!code.contains("Messages.of(")) {
                    continue;
                }
                Path rel = src.relativize(java.getParent());
                Path bundle = Path.of("src/main/resources/dev/rackside/app").resolve(rel).resolve("messages.properties");
                Properties p = Files.exists(bundle) ? load(bundle) : new Properties();
                Matcher m = KEY_USE.matcher(code);
                while (m.find()) {
                    // keys built at run time (prefix + enum name) are checked by their own tests
                    if (!m.group(1).endsWith(".") && !p.containsKey(m.group(1))) {
                        missing.add(java.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys without text: " + missing);
    }

    private static List<Path> bundles() throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources"))) {
            return s.filter(p -> p.getFileName().toString().equals("messages.properties")).toList();
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
