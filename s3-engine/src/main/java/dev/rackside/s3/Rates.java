package dev.rackside.s3;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Bandwidth rates written by people: `500K`, `10M`, `10MB/s`, `1.5 GiB/s`, `2,5M`, `0`. K, M and G are
/// powers of 1000 as in aws-cli and rclone; Ki, Mi and Gi powers of 1024. A trailing `B`, `B/s`
/// or `/s` is allowed. Used by `rackside-s3 --limit-up` and for hand-edited app settings.
public final class Rates {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([KMG]I?)?B?(?:/S)?");

    private Rates() {
    }

    /// Bytes per second, 0 for none (also for a blank text).
    ///
    /// @throws NumberFormatException when `text` is not such a rate, or is above Long.MAX_VALUE
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        // Either decimal separator, and no-break spaces from pasted text, as in the app's fields.
        String t = text.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.').toUpperCase(Locale.ROOT);
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            throw new NumberFormatException("not a rate: " + text.strip());
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        double scale = switch (unit) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "KI" -> 1024.0;
            case "MI" -> 1024.0 * 1024;
            case "GI" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        double bytes = Double.parseDouble(m.group(1)) * scale;
        if (bytes >= Long.MAX_VALUE) {
            throw new NumberFormatException("rate too large: " + text.strip());
        }
        // A tiny positive rate is a (very low) limit, never 0, which would mean none.
        return bytes > 0 ? Math.max(1, Math.round(bytes)) : 0;
    }
}
