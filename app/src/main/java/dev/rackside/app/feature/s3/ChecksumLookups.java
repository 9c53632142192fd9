package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/// The checksum column's HEADs. A row asks when it is first shown; scrolling through a big folder
/// (or holding an arrow key) shows hundreds, and every refresh makes new rows. So: at most
/// [#PARALLEL] HEADs at once, newest request first; requests for rows scrolled far past are dropped
/// (their row goes back to "unknown" and asks again when shown again); and answers are kept by
/// object version (key, size, time), so a refresh asks nothing again. Used on the UI thread only.
final class ChecksumLookups {
    static final int PARALLEL = 4;
    /// More than any screen shows at once, so a visible row is never dropped.
    static final int MAX_WAITING = 256;
    private static final int REMEMBERED = 20_000;

    private record Wanted(ObjectRow row, S3Session session, String bucket) {
    }

    private final Background background;
    private final Deque<Wanted> waiting = new ArrayDeque<>();
    private final Map<String, ChecksumState> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ChecksumState> eldest) {
            return size() > REMEMBERED;
        }
    };
    private int running;

    ChecksumLookups(Background background) {
        this.background = background;
    }

    /// Fills in `row`'s checksum state, from what is known or with a HEAD.
    void request(S3Session s, String bucket, ObjectRow row) {
        if (s == null || row.checksumProperty().get() != ChecksumState.UNKNOWN) {
            return;
        }
        ChecksumState seen = known.get(id(s, bucket, row));
        if (seen != null) {
            row.checksumProperty().set(seen);
            return;
        }
        row.checksumProperty().set(ChecksumState.CHECKING);
        waiting.addFirst(new Wanted(row, s, bucket));
        if (waiting.size() > MAX_WAITING) {
            waiting.removeLast().row().checksumProperty().set(ChecksumState.UNKNOWN);
        }
        pump();
    }

    /// Forgets the waiting requests: their rows are being replaced (another folder, a reload).
    void dropWaiting() {
        waiting.forEach(w -> w.row().checksumProperty().set(ChecksumState.UNKNOWN));
        waiting.clear();
    }

    /// What a HEAD elsewhere (the details dialog) found out.
    void learned(S3Session s, String bucket, ObjectRow row, ChecksumState state) {
        known.put(id(s, bucket, row), state);
        row.checksumProperty().set(state);
    }

    private void pump() {
        while (running < PARALLEL && !waiting.isEmpty()) {
            Wanted w = waiting.removeFirst();
            running++;
            background.submit(() -> w.session().engine().head(w.bucket(), w.row().key()), meta -> {
                running--;
                learned(w.session(), w.bucket(), w.row(), ChecksumState.of(meta));
                pump();
            }, failure -> {
                running--;
                w.row().checksumProperty().set(ChecksumState.UNAVAILABLE); // not remembered: it may work next time
                pump();
            });
        }
    }

    private static String id(S3Session s, String bucket, ObjectRow row) {
        return s.id() + '\n' + bucket + '\n' + row.key() + '\n' + row.size() + '\n' + row.modified().map(Object::toString).orElse("");
    }
}
