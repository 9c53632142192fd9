package dev.rackside.app.feature.inventory;

import java.util.Locale;

/// Numbers the way the inventory shows them: binary units like PVE's web UI, uptimes in d/h/m.
final class Format {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Format() {
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        double v = b;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.getDefault(), v >= 100 ? "%.0f %s" : "%.1f %s", v, UNITS[u]);
    }

    static String percent(double fraction) {
        return String.format(Locale.getDefault(), "%.1f %%", fraction * 100);
    }

    static double ratio(long used, long max) {
        return max <= 0 ? 0 : Math.min(1, (double) used / max);
    }

    static String uptime(long seconds) {
        if (seconds <= 0) {
            return "";
        }
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        return d > 0 ? d + "d " + h + "h" : h > 0 ? h + "h " + m + "m" : m > 0 ? m + "m" : seconds + "s";
    }
}
