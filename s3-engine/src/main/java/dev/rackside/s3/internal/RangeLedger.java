package dev.rackside.s3.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// Book-keeping of one parallel download's ranges as they land in the `.part` file.
///
/// *Hashing:* the digest the download is verified with is fed in file order while the ranges
/// arrive: a cursor follows the contiguous prefix of landed ranges and reads it back (from the page
/// cache), so no second pass over the finished file is needed.
///
/// *Journal:* landed ranges are made durable in batches: one `force` and one journal transaction
/// every [#FLUSH_NANOS] or [#FLUSH_BYTES], always force first and journal after, so a journalled
/// range is on disk. A crash loses at most the unjournalled ranges, which a resume fetches again.
final class RangeLedger {
    static final long FLUSH_NANOS = 500_000_000L;
    static final long FLUSH_BYTES = 128L * 1024 * 1024;

    private final FileChannel ch;
    private final Journal journal;
    private final String id;
    private final MessageDigest digest; // null: nothing to compare, size check only
    private final TreeMap<Long, Long> landed = new TreeMap<>();
    private final List<long[]> unjournalled = new ArrayList<>();
    private final Object flushLock = new Object();
    private long hashed;
    private boolean hashing;
    private long pendingBytes;
    private long lastFlush = System.nanoTime();

    RangeLedger(FileChannel ch, Journal journal, String id, MessageDigest digest, Map<Long, Long> alreadyWritten) {
        this.ch = ch;
        this.journal = journal;
        this.id = id;
        this.digest = digest;
        landed.putAll(alreadyWritten);
    }

    /// Records that `[start, end)` is written (not yet forced); hashes what became contiguous and
    /// flushes a batch when one is due.
    void landed(long start, long end) throws IOException {
        boolean due;
        synchronized (this) {
            landed.put(start, end);
            unjournalled.add(new long[] {start, end});
            pendingBytes += end - start;
            due = pendingBytes >= FLUSH_BYTES || System.nanoTime() - lastFlush >= FLUSH_NANOS;
        }
        advance();
        if (due) {
            flush();
        }
    }

    /// Hashes the contiguous prefix; one thread at a time, the others leave their ranges to it.
    void advance() throws IOException {
        synchronized (this) {
            if (digest == null || hashing) {
                return;
            }
            hashing = true;
        }
        try {
            while (true) {
                long from;
                long to;
                synchronized (this) {
                    Long end = landed.get(hashed);
                    if (end == null) {
                        return;
                    }
                    from = hashed;
                    to = end;
                }
                hash(from, to);
                synchronized (this) {
                    landed.remove(from);
                    hashed = to;
                }
            }
        } finally {
            synchronized (this) {
                hashing = false;
            }
        }
    }

    private void hash(long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(1024 * 1024, to - from));
        for (long pos = from; pos < to; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), to - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("the partial file is shorter than its written ranges");
            }
            digest.update(buf.array(), 0, n);
            pos += n;
        }
    }

    /// Forces what was written so far, then journals the ranges that were landed before the force.
    void flush() throws IOException {
        synchronized (flushLock) {
            List<long[]> batch;
            synchronized (this) {
                batch = new ArrayList<>(unjournalled);
                unjournalled.clear();
                pendingBytes = 0;
                lastFlush = System.nanoTime();
            }
            if (batch.isEmpty()) {
                return;
            }
            ch.force(false);
            journal.addRanges(id, batch);
        }
    }

    /// The digest of the whole file once every range has landed; null without a digest.
    byte[] finish(long size) throws IOException {
        advance();
        if (digest == null) {
            return null;
        }
        synchronized (this) {
            if (hashed != size) {
                throw new IOException("ranges up to " + hashed + " of " + size + " bytes were hashed");
            }
        }
        return digest.digest();
    }
}
