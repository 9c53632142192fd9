package dev.rackside.app.feature.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/// The S3 browser's texts: French has every English key, and every literal key the code asks
/// for exists (a missing one shows as `!key!`).
class S3BundlesTest {
    private static final String BASE = "/dev/rackside/app/feature/s3/messages";
    private static final Pattern USED = Pattern.compile("text\\.get\\(\"([a-zA-Z0-9.]+)\"[,)]");

    @Test
    void frenchHasEveryEnglishKey() throws Exception {
        assertEquals(keys(BASE + ".properties"), keys(BASE + "_fr.properties"));
    }

    @Test
    void everyKeyTheCodeUsesExists() throws Exception {
        TreeSet<String> known = keys(BASE + ".properties");
        TreeSet<String> missing = new TreeSet<>();
        // the surefire working directory is the module's
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/rackside/app/feature/s3"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USED.matcher(Files.readString(p));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(p.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    private static TreeSet<String> keys(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = S3BundlesTest.class.getResourceAsStream(resource)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
