package dev.rackside.s3.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/// A lazy iterator over server pages: the next page is fetched only when the previous one has
/// been consumed, so a listing of millions of keys holds one page in memory.
public final class Pages<C, P> implements Iterator<P> {

    /// One fetched page and the cursor of the next, or null when it was the last.
    public record Page<C, P>(P page, C next) {
    }

    private final Function<C, Page<C, P>> fetch;
    private C cursor;
    private boolean started;
    private boolean done;

    public Pages(Function<C, Page<C, P>> fetch) {
        this.fetch = fetch;
    }

    private static dev.rackside.s3.S3EngineException sameMarker() {
        return new dev.rackside.s3.S3EngineException.Unsupported("paging this listing",
                "it sent the same next-page marker twice, so the listing would never end", null);
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public P next() {
        if (done) {
            throw new NoSuchElementException();
        }
        Page<C, P> p = fetch.apply(started ? cursor : null);
        if (p.next() != null && started && java.util.Objects.deepEquals(p.next(), cursor)) {
            // A server that hands back the cursor it was given would have this listing never end.
            throw sameMarker();
        }
        started = true;
        cursor = p.next();
        done = cursor == null;
        return p.page();
    }
}
