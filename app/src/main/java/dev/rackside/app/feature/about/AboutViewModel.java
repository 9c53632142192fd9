package dev.rackside.app.feature.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/// What the About dialog shows: the version, the build (commit and its date), the runtime, and the
/// bundled libraries with their licences. Read from two resources written at build time (app/pom.xml):
/// `build-info.properties` (git-commit-id-maven-plugin) and `third-party.txt` (license-maven-plugin).
public final class AboutViewModel {
    /// One bundled library as the licence list names it.
    public record Library(String name, String coordinates, List<String> licences, String url) {
    }

    private final String version;
    private final String commit;
    private final String commitDate;
    private final boolean modified;
    private final String runtime;
    private final List<Library> libraries;

    AboutViewModel(Properties buildInfo, Properties pom, String thirdParty, String runtime) {
        this.version = buildInfo.getProperty("git.build.version", pom.getProperty("version"));
        this.commit = buildInfo.getProperty("git.commit.id.abbrev");
        this.commitDate = date(buildInfo.getProperty("git.commit.time"));
        this.modified = Boolean.parseBoolean(buildInfo.getProperty("git.dirty"));
        this.runtime = runtime;
        this.libraries = parseThirdParty(thirdParty);
    }

    /// The build this class was packaged in, from the resources beside it.
    public static AboutViewModel ofThisBuild() {
        String runtime = System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.runtime.version", "")
                + ", JavaFX " + System.getProperty("javafx.runtime.version", "?");
        return new AboutViewModel(properties("build-info.properties"),
                properties("/META-INF/maven/dev.rackside/app/pom.properties"), text("third-party.txt"), runtime.trim());
    }

    /// The project version, or null when the build left no trace of it (a bare class folder).
    public String version() {
        return version;
    }

    /// Abbreviated commit id, or null without a git checkout at build time.
    public String commit() {
        return commit;
    }

    /// Commit date as yyyy-MM-dd, or null.
    public String commitDate() {
        return commitDate;
    }

    /// True when the build had uncommitted changes.
    public boolean modified() {
        return modified;
    }

    public String runtime() {
        return runtime;
    }

    public List<Library> libraries() {
        return libraries;
    }

    /// Parses license-maven-plugin's list: `     (Licence A) (Licence B) Name (group:artifact:version - url)`.
    static List<Library> parseThirdParty(String text) {
        List<Library> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            List<String> licences = new ArrayList<>();
            while (line.startsWith("(")) {
                int end = closing(line);
                if (end < 0) {
                    break;
                }
                licences.add(line.substring(1, end).strip());
                line = line.substring(end + 1).strip();
            }
            int open = line.lastIndexOf(" (");
            if (licences.isEmpty() || open < 0 || !line.endsWith(")")) {
                continue; // the header line, or something that is not an entry
            }
            String name = line.substring(0, open).strip();
            String inner = line.substring(open + 2, line.length() - 1);
            int dash = inner.indexOf(" - ");
            String coordinates = dash < 0 ? inner : inner.substring(0, dash);
            String url = dash < 0 ? "" : inner.substring(dash + 3).strip();
            out.add(new Library(name, coordinates.strip(), List.copyOf(licences), url));
        }
        return List.copyOf(out);
    }

    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = AboutViewModel.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String text(String resource) {
        try (InputStream in = AboutViewModel.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
