package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import java.text.NumberFormat;
import java.time.Duration;

/// Bytes, rates and remaining times in the operator's language (`1.5 MiB`, `1,5 Mio`).
final class Sizes {
    private final Messages text;
    private final String[] units;
    private final NumberFormat one;

    Sizes(Messages text) {
        this.text = text;
        this.units = text.get("size.units").split(",");
        this.one = NumberFormat.getNumberInstance(text.bundle().getLocale());
        one.setMaximumFractionDigits(1);
    }

    String bytes(long n) {
        if (n < 0) {
            return "";
        }
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? Long.toString(n) : one.format(v)) + " " + units[u];
    }

    String rate(double bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : text.get("size.rate", bytes((long) bytesPerSecond));
    }

    String eta(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? text.get("eta.hours", s / 3600, (s % 3600) / 60)
                : s >= 60 ? text.get("eta.minutes", s / 60, s % 60) : text.get("eta.seconds", s);
    }
}
