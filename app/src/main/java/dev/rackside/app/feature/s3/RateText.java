package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/// Bandwidth limits as the operator types and reads them: MiB/s, the unit the transfers panel
/// shows rates in, so a limit of 10 reads back as "10 MiB/s" in the rate column. Both decimal
/// separators are accepted whatever the language (French operators type `2,5`, pasted values
/// often have `2.5`).
final class RateText {
    static final long MIB = 1024L * 1024;
    /// About 8 Tbit/s: anything above is a typo, not a limit.
    static final double MAX_MIB_PER_SECOND = 1_000_000;
    /// 10 KiB/s: the smallest limit the fields show exactly (two decimals) and read back alike.
    static final double MIN_MIB_PER_SECOND = 0.01;

    private final Messages text;
    private final Locale locale;
    private final NumberFormat number;

    RateText(Messages text) {
        this.text = text;
        this.locale = text.bundle().getLocale();
        this.number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(2);
        number.setGroupingUsed(false);
    }

    /// Bytes per second from what was typed; empty or 0 means unlimited (0). Empty result: not a rate.
    OptionalLong parse(String typed) {
        // Pasted values may carry no-break spaces, which strip() keeps.
        String s = typed == null ? "" : typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        if (s.isEmpty()) {
            return OptionalLong.of(0);
        }
        double mib;
        try {
            mib = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        // parseDouble also takes "1e3", "NaN" and a trailing "d"; only plain decimals are rates here.
        if (!s.matches("\\d+(\\.\\d*)?|\\.\\d+") || mib > MAX_MIB_PER_SECOND || mib > 0 && mib < MIN_MIB_PER_SECOND) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(mib * MIB));
    }

    /// What a field shows for a limit: the number of MiB/s, or nothing for unlimited.
    String field(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : number.format((double) bytesPerSecond / MIB);
    }

    /// "10 MiB/s" or "unlimited".
    String limit(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? text.get("limits.unlimited") : text.get("limits.rate", field(bytesPerSecond));
    }

    /// "Mon–Fri", "Sat, Sun" or "Mon, Wed–Fri" in the operator's language, Monday first.
    String days(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        List<DayOfWeek> run = new ArrayList<>();
        for (DayOfWeek d : new TreeSet<>(days)) {
            if (!run.isEmpty() && run.getLast().plus(1) != d) {
                parts.add(run(run));
                run.clear();
            }
            run.add(d);
        }
        if (!run.isEmpty()) {
            parts.add(run(run));
        }
        return String.join(", ", parts);
    }

    private String run(List<DayOfWeek> run) {
        String first = run.getFirst().getDisplayName(TextStyle.SHORT, locale);
        if (run.size() == 1) {
            return first;
        }
        String last = run.getLast().getDisplayName(TextStyle.SHORT, locale);
        return run.size() == 2 ? first + ", " + last : first + "\u2013" + last;
    }
}
