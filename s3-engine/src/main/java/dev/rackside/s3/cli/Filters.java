package dev.rackside.s3.cli;

import java.io.File;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/// aws-cli's `--exclude` and `--include`: patterns over a file's path below the command's source
/// folder or prefix (with `/` between names), applied in the order given, the last match deciding;
/// a path no pattern matches is included. Patterns follow Python's `fnmatch`, as aws-cli's do: `*`
/// matches any run of characters, `/` included; `?` one character; `[abc]`, `[a-z]` and `[!abc]`
/// one character of (or not of) a set. So `--exclude "*" --include "*.iso"` selects ISO files in
/// every subfolder, and `--exclude "logs/*"` leaves out the whole `logs` folder.
record Filters(List<Rule> rules) implements Predicate<String> {
    static final Filters NONE = new Filters(List.of());

    /// One `--exclude` (`include` false) or `--include` (true).
    record Rule(boolean include, String pattern, Pattern regex) {
        static Rule of(boolean include, String pattern) {
            // On Windows aws-cli matches as the file system does: `logs\*` is `logs/*`, and case
            // does not matter.
            boolean windows = File.separatorChar == '\\';
            String written = Normalizer.normalize(windows ? pattern.replace('\\', '/') : pattern, Normalizer.Form.NFC);
            return new Rule(include, pattern, Pattern.compile(Filters.regex(written),
                    Pattern.DOTALL | (windows ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)));
        }
    }

    Filters {
        rules = List.copyOf(rules);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /// Whether the file or object at `relativePath` takes part.
    @Override
    public boolean test(String relativePath) {
        // In NFC, as the patterns: macOS's disks hand out names decomposed (NFD), and a pattern
        // typed as "café/*" must still take them.
        String path = rules.isEmpty() ? relativePath : Normalizer.normalize(relativePath, Normalizer.Form.NFC);
        boolean selected = true;
        for (Rule r : rules) {
            if (r.regex().matcher(path).matches()) {
                selected = r.include();
            }
        }
        return selected;
    }

    /// `fnmatch.translate`'s rules, by code point: outside a set every character is literal but
    /// `*` and `?`; a `[` without its `]` is a literal `[`. Every pattern gives a valid regex.
    static String regex(String pattern) {
        int[] p = pattern.codePoints().toArray();
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < p.length) {
            int c = p[i++];
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < p.length && p[j] == '!') {
                    j++;
                }
                if (j < p.length && p[j] == ']') {
                    j++; // a ']' first in the set is one of its characters
                }
                while (j < p.length && p[j] != ']') {
                    j++;
                }
                if (j >= p.length) {
                    re.append(literal('['));
                } else {
                    re.append(set(Arrays.copyOfRange(p, i, j)));
                    i = j + 1;
                }
            } else {
                re.append(literal(c));
            }
        }
        return re.toString();
    }

    // The inside of `[...]`. Python drops a reversed range such as `z-a`, and a set left with
    // nothing matches nothing (negated: any character).
    private static String set(int[] inside) {
        boolean negated = inside.length > 0 && inside[0] == '!';
        StringBuilder s = new StringBuilder();
        for (int k = negated ? 1 : 0; k < inside.length; k++) {
            boolean range = k + 2 < inside.length && inside[k + 1] == '-';
            if (range) {
                if (inside[k] <= inside[k + 2]) {
                    s.append(literal(inside[k])).append('-').append(literal(inside[k + 2]));
                }
                k += 2;
            } else {
                s.append(literal(inside[k]));
            }
        }
        if (s.isEmpty()) {
            return negated ? "." : "(?!)";
        }
        return (negated ? "[^" : "[") + s + "]";
    }

    // One character by its code point, so nothing in it means anything to the regex, in a set or out.
    private static String literal(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }
}
