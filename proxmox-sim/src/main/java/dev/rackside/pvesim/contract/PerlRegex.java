package dev.rackside.pvesim.contract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/// Runs the Perl regular expressions found in the PVE schema with Perl's matching rules.
final class PerlRegex {

    private static final Map<String, Pattern> ANCHORED = new ConcurrentHashMap<>();

    private PerlRegex() {}

    /// `$value =~ m/^$pattern$/`, as `check_prop` does it. PVE interpolates the pattern
    /// without a group, so `a|b` becomes `^a|b$` and a search (not a full match) decides.
    static boolean matchesAnchored(String pattern, String value) {
        return ANCHORED.computeIfAbsent(pattern, p -> compile("^" + toJava(p) + "$"))
                .matcher(value).find();
    }

    /// A built-in Perl regex, already Java syntax. UNIX_LINES makes `$` accept a single
    /// trailing "\n" (and nothing else) and `.` stop only at "\n", exactly like Perl.
    static Pattern compile(String javaRegex) {
        return Pattern.compile(javaRegex, Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
    }

    static Pattern compileIgnoreCase(String javaRegex) {
        return Pattern.compile(javaRegex, Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS
                | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static boolean find(Pattern anchored, String value) {
        return anchored.matcher(value).find();
    }

    /// Rewrites the Perl-only syntax the schema uses: stringified `qr//` groups `(?^flags:`,
    /// `{,n}` quantifiers (Perl 5.34+ reads them as `{0,n}`), and a bare `\0`.
    static String toJava(String perl) {
        var out = new StringBuilder(perl.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < perl.length(); i++) {
            char c = perl.charAt(i);
            if (c == '\\' && i + 1 < perl.length()) {
                char next = perl.charAt(i + 1);
                boolean octalFollows = i + 2 < perl.length()
                        && perl.charAt(i + 2) >= '0' && perl.charAt(i + 2) <= '7';
                if (next == '0' && !octalFollows) {
                    out.append("\\x00");
                } else {
                    out.append(c).append(next);
                }
                i++;
            } else if (inClass) {
                inClass = c != ']';
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is literal in both dialects
                if (i + 1 < perl.length() && perl.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < perl.length() && perl.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
            } else if (c == '(' && perl.startsWith("(?^", i)) {
                int colon = perl.indexOf(':', i);
                String flags = perl.substring(i + 3, colon);
                // "^" resets to the defaults (d-imnsx); only i, m, s and x carry over to Java
                String on = flags.replaceAll("[^imsx]", "");
                String off = "imsx".replaceAll("[" + (on.isEmpty() ? "_" : on) + "]", "");
                out.append("(?").append(on).append(off.isEmpty() ? "" : "-" + off).append(':');
                i = colon;
            } else if (c == '{' && perl.startsWith("{,", i)) {
                out.append("{0,");
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
