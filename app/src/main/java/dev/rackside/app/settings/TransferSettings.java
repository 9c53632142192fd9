package dev.rackside.app.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.BandwidthLimits;
import dev.rackside.s3.BandwidthSchedule;
import dev.rackside.s3.Rates;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// How S3 transfers run, over every endpoint together: bandwidth limits, a weekly schedule and the
/// number of parallel transfers. Limits are bytes per second, 0 meaning unlimited.
///
/// @param uploadLimit   cap up at all times
/// @param downloadLimit cap down at all times
/// @param concurrency   parallel requests (and files) per endpoint
/// @param scheduleOn    whether the windows apply (they are kept while switched off)
/// @param windows       weekly windows in the computer's time zone; all that cover a moment apply,
///                      on top of the caps, the lowest rate per direction winning
@JsonDeserialize(using = TransferSettings.Lenient.class)
public record TransferSettings(long uploadLimit, long downloadLimit, int concurrency, boolean scheduleOn,
                               List<Window> windows) {
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 32;

    /// One weekly window; times are `HH:mm` (kept as text so settings.json stays readable). An end
    /// before the start runs past midnight; an end equal to the start means the whole day.
    public record Window(Set<DayOfWeek> days, String start, String end, long upload, long download) {
        public Window {
            // Monday first, in settings.json too; a null (hand-edited) is no day.
            EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            if (days != null) {
                days.stream().filter(java.util.Objects::nonNull).forEach(set::add);
            }
            days = Collections.unmodifiableSet(set);
            upload = Math.max(0, upload);
            download = Math.max(0, download);
        }

        /// The window as the engine reads it, or empty when a hand-edited file made it unusable.
        public Optional<BandwidthSchedule.Window> toEngine() {
            try {
                LocalTime from = LocalTime.parse(start);
                LocalTime to = LocalTime.parse(end);
                return days.isEmpty() ? Optional.empty()
                        : Optional.of(new BandwidthSchedule.Window(days, from, to, upload, download));
            } catch (DateTimeParseException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    public TransferSettings {
        // A hand-edited file must not stop transfers: out-of-range values fall back to sane ones.
        uploadLimit = Math.max(0, uploadLimit);
        downloadLimit = Math.max(0, downloadLimit);
        concurrency = concurrency < 1 || concurrency > MAX_CONCURRENCY ? DEFAULT_CONCURRENCY : concurrency;
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    public static TransferSettings defaults() {
        return new TransferSettings(0, 0, DEFAULT_CONCURRENCY, false, List.of());
    }

    /// Limits for the engines to share, as these settings say.
    public BandwidthLimits toLimits(ZoneId zone, Clock clock) {
        BandwidthLimits limits = new BandwidthLimits(0, 0, null, clock);
        applyTo(limits, zone);
        return limits;
    }

    /// Puts these caps and this schedule into `limits`, which running transfers obey at once.
    public void applyTo(BandwidthLimits limits, ZoneId zone) {
        limits.setUploadLimit(uploadLimit);
        limits.setDownloadLimit(downloadLimit);
        limits.setSchedule(schedule(zone).orElse(null));
    }

    /// The schedule to give the engine, empty when it is switched off or has no usable window.
    public Optional<BandwidthSchedule> schedule(ZoneId zone) {
        if (!scheduleOn) {
            return Optional.empty();
        }
        List<BandwidthSchedule.Window> usable = windows.stream().flatMap(w -> w.toEngine().stream()).toList();
        return usable.isEmpty() ? Optional.empty() : Optional.of(new BandwidthSchedule(zone, usable, 0, 0));
    }

    /// Reads the section field by field, so a hand-edited value it cannot use (a misspelt day, a
    /// rate such as "ten") falls back to a safe value, which the operator is told of, instead of
    /// failing the whole settings file, and with it the theme, window and language. Rates may be
    /// written as text ("10M", "10 MiB/s"), days in any case.
    static final class Lenient extends StdDeserializer<TransferSettings> {
        Lenient() {
            super(TransferSettings.class);
        }

        @Override
        public TransferSettings deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
            JsonNode n = parser.readValueAsTree();
            if (n == null || !n.isObject()) {
                return defaults();
            }
            List<Window> windows = new ArrayList<>();
            for (JsonNode w : n.path("windows")) {
                if (w.isObject()) {
                    Window window = new Window(days(w.path("days"), ctx), w.path("start").asText(""),
                            w.path("end").asText(""), rate(w, "upload", ctx), rate(w, "download", ctx));
                    if (window.toEngine().isEmpty()) {
                        JsonFiles.skipped(ctx, text().get("settings.badWindow", w.toString()));
                    }
                    windows.add(window);
                }
            }
            return new TransferSettings(rate(n, "uploadLimit", ctx), rate(n, "downloadLimit", ctx),
                    concurrency(n.path("concurrency"), ctx), n.path("scheduleOn").asBoolean(false), windows);
        }

        private static int concurrency(JsonNode v, DeserializationContext ctx) {
            if (v.isMissingNode() || v.isNull()) {
                return DEFAULT_CONCURRENCY;
            }
            int n = v.canConvertToInt() ? v.asInt() : 0;
            if (n < 1 || n > MAX_CONCURRENCY) {
                JsonFiles.skipped(ctx, text().get("settings.badConcurrency", v.toString(), MAX_CONCURRENCY, DEFAULT_CONCURRENCY));
                return DEFAULT_CONCURRENCY;
            }
            return n;
        }

        /// Bytes/s as a number, or as text a person wrote ("10M", "10 MiB/s"). Anything else is no
        /// limit, and the operator is told.
        private static long rate(JsonNode parent, String field, DeserializationContext ctx) {
            JsonNode v = parent.path(field);
            if (v.isMissingNode() || v.isNull() || v.isIntegralNumber()) {
                return v.asLong(0);
            }
            try {
                return v.isNumber() ? Math.round(v.asDouble()) : Rates.parse(v.isTextual() ? v.asText() : "?");
            } catch (NumberFormatException e) {
                JsonFiles.skipped(ctx, text().get("settings.badRate", field, v.toString()));
                return 0;
            }
        }

        private static Set<DayOfWeek> days(JsonNode node, DeserializationContext ctx) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (JsonNode d : node.isArray() ? node : List.of(node)) {
                if (d.isNull() || d.isMissingNode()) {
                    continue;
                }
                try {
                    days.add(DayOfWeek.valueOf(d.asText("").strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException notADay) {
                    // the window keeps the days it can read
                    JsonFiles.skipped(ctx, text().get("settings.badDay", d.toString()));
                }
            }
            return days;
        }

        private static Messages text() {
            return Messages.of(TransferSettings.class);
        }
    }
}
