package dev.rackside.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;

/// The body of one part: reads from a buffer in ≤ 64 KiB steps, waits for the upload throttle,
/// counts progress and stops when the transfer is paused or cancelled.
final class ChunkStream extends InputStream {
    static final int CHUNK = 64 * 1024;

    private final byte[] data;
    private final int end;
    private final TransferTask task;
    private final Throttle throttle;
    private final AtomicLong sent;
    private int pos;

    ChunkStream(byte[] data, int off, int len, TransferTask task, Throttle throttle, AtomicLong sent) {
        this.data = data;
        this.pos = off;
        this.end = off + len;
        this.task = task;
        this.throttle = throttle;
        this.sent = sent;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= end) {
            return -1;
        }
        if (task.stopRequested()) {
            throw new InterruptedIOException("transfer stopped");
        }
        int n = Math.min(Math.min(len, CHUNK), end - pos);
        try {
            throttle.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("transfer stopped");
        }
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        sent.addAndGet(n);
        task.add(n);
        return n;
    }

    @Override
    public int available() {
        return end - pos;
    }
}
