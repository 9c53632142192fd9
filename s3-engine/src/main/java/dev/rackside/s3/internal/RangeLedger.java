package dev.rackside.s3.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// Book-keeping of one parallel download's pieces as they land in the `.part` file.
///
/// *Hashing:* the digest the download is verified with is fed in file order while the pieces
/// arrive: a hasher thread follows the contiguous prefix of landed pieces and reads it back (from
/// the page cache), so no second pass over the finished file is needed and no download stream
/// waits for the hash.
///
/// *Journal:* landed pieces are journalled in batches, one transaction every [#FLUSH_NANOS] or
/// [#FLUSH_BYTES]. Without a digest the file is forced to disk before each batch is journalled, so
/// a journalled piece is on disk even after a power cut. With a digest that force is skipped: a
/// killed process loses nothing the kernel already holds, and after a power cut a journalled
/// piece whose bytes did not reach the disk fails the final comparison, which fetches the file
/// again rather than keep it.
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
    private boolean hashing; // a hasher thread is running
    private IOException hashFailure;
    // Only the hasher touches it, and one hasher runs at a time (handed over under this lock).
    private ByteBuffer hashBuffer;
    private long pendingBytes;
    private long lastFlush = System.nanoTime();

    RangeLedger(FileChannel ch, Journal journal, String id, MessageDigest digest, Map<Long, Long> alreadyWritten) {
        this.ch = ch;
        this.journal = journal;
        this.id = id;
        this.digest = digest;
        landed.putAll(alreadyWritten);
    }

    /// Records that `[start, end)` is written (not yet forced), lets the hasher take what became
    /// contiguous, and journals a batch when one is due.
    void landed(long start, long end) throws IOException {
        boolean due;
        synchronized (this) {
            landed.put(start, end);
            unjournalled.add(new long[] {start, end});
            pendingBytes += end - start;
            due = pendingBytes >= FLUSH_BYTES || System.nanoTime() - lastFlush >= FLUSH_NANOS;
            startHasher();
        }
        if (due) {
            flush();
        }
    }

    // Caller holds this. One hasher at a time; it exits when the next piece has not landed yet,
    // and the landed() that adds that piece starts the next one (both under this lock).
    private void startHasher() {
        if (digest != null && !hashing && hashFailure == null && landed.containsKey(hashed)) {
            hashing = true;
            try {
                Thread.ofVirtual().name("rackside-s3-hash").start(this::hashContiguous);
            } catch (RuntimeException | Error e) {
                stopHashing(e);
                throw e;
            }
        }
    }

    private void hashContiguous() {
        try {
            while (true) {
                long from;
                long to;
                synchronized (this) {
                    Long end = landed.get(hashed);
                    if (end == null) {
                        hashing = false;
                        notifyAll();
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
        } catch (IOException | RuntimeException e) {
            stopHashing(e);
        } catch (Error e) {
            stopHashing(e); // finish() must not wait for ever on a hasher that died
            throw e;
        }
    }

    private synchronized void stopHashing(Throwable why) {
        hashFailure = why instanceof IOException io ? io : new IOException(String.valueOf(why.getMessage()), why);
        hashing = false;
        notifyAll();
    }

    private void hash(long from, long to) throws IOException {
        int want = (int) Math.min(1024 * 1024, to - from);
        if (hashBuffer == null || hashBuffer.capacity() < want) {
            hashBuffer = ByteBuffer.allocate(want); // once per download, not once per piece
        }
        ByteBuffer buf = hashBuffer;
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
            if (digest == null) {
                ch.force(false); // nothing would catch a journalled piece that never reached the disk
            }
            journal.addRanges(id, batch);
        }
    }

    /// The digest of the whole file once every piece has landed (waits for the hasher); null
    /// without a digest.
    byte[] finish(long size) throws IOException {
        if (digest == null) {
            return null;
        }
        synchronized (this) {
            startHasher();
            while (hashing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("stopped while the download was being checked");
                }
            }
            if (hashFailure != null) {
                throw hashFailure;
            }
            if (hashed != size) {
                throw new IOException("pieces up to " + hashed + " of " + size + " bytes were hashed");
            }
        }
        return digest.digest();
    }
}
