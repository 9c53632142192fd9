package dev.rackside.s3.internal;

import java.util.concurrent.Semaphore;

/// A fair semaphore whose number of permits can change while permits are held: shrinking
/// takes effect as running work releases its permits.
public final class ResizableSemaphore extends Semaphore {
    private int size;

    public ResizableSemaphore(int size) {
        super(size, true);
        this.size = size;
    }

    public synchronized void resize(int newSize) {
        if (newSize < 1) {
            throw new IllegalArgumentException("at least 1");
        }
        int delta = newSize - size;
        if (delta > 0) {
            release(delta);
        } else if (delta < 0) {
            reducePermits(-delta);
        }
        size = newSize;
    }

    public synchronized int size() {
        return size;
    }
}
