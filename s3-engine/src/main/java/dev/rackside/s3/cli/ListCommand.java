package dev.rackside.s3.cli;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.S3Engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.math.BigDecimal;
import java.math.RoundingMode;

/// `ls [s3://bucket[/prefix]] [--recursive] [--human-readable] [--summarize]`, printed like
/// aws-cli: names below the prefix's last `/` (`ls s3://b/dir/su` shows `PRE sub/`), whole keys
/// with `--recursive`.
final class ListCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final RacksideS3 root;
    private final String target;
    private final Flags flags;

    /// `target` is null to list buckets.
    ListCommand(RacksideS3 root, String target, Flags flags) {
        this.root = root;
        this.target = target;
        this.flags = flags;
    }

    /// Lists; false when a key was given and nothing is under it.
    boolean run() {
        try (S3Engine s3 = root.open()) {
            if (target == null) {
                s3.listBuckets().forEach(b -> root.out.println(b.created().map(TIME::format).orElse("                   ")
                        + " " + b.name()));
                return true;
            }
            S3Uri uri = S3Uri.parse(target);
            String shown = uri.key().substring(0, uri.key().lastIndexOf('/') + 1);
            long count = 0;
            long bytes = 0;
            long folders = 0;
            for (ObjectPage page : s3.list(uri.bucket(), uri.key(), !flags.recursive(), 1000)) {
                page.folders().forEach(f -> root.out.println("                           PRE " + f.substring(shown.length())));
                folders += page.folders().size();
                for (ObjectInfo o : page.objects()) {
                    String name = flags.recursive() ? o.key() : o.key().substring(shown.length());
                    root.out.printf("%s %10s %s%n", TIME.format(o.lastModified()), size(o.size()), name);
                    count++;
                    bytes += o.size();
                }
            }
            if (flags.summarize()) {
                root.out.printf("%nTotal Objects: %d%n   Total Size: %s%n", count, size(bytes));
            }
            return uri.key().isEmpty() || count + folders > 0;
        } finally {
            root.out.flush();
        }
    }

    private String size(long bytes) {
        return flags.humanReadable() ? humanReadable(bytes) : Long.toString(bytes);
    }

    /// aws-cli's `--human-readable` sizes: "1 Byte", "512 Bytes", then one decimal in the largest
    /// binary unit that keeps the number below 1024 once rounded ("1.0 MiB", not "1024.0 KiB").
    static String humanReadable(long bytes) {
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < 1024) {
            return bytes + " Bytes";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (unit < UNITS.length - 1 && Math.round(value) >= 1024) {
            value /= 1024;
            unit++;
        }
        // Python's "%.1f" rounds the double's exact value half to even: 1.25 KiB is "1.2 KiB".
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " " + UNITS[unit];
    }
}
