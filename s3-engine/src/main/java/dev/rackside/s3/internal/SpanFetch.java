package dev.rackside.s3.internal;

import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/// The unencrypted part of a parallel download ([Downloader]): which spans of the object are
/// still to fetch, and one ranged GET per span written piece by piece into the `.part` file.
final class SpanFetch {
    /// The longest span one GET asks for.
    static final long MAX_SPAN = 1L << 30;

    private final S3Client s3;
    private final GetTries tries;

    SpanFetch(S3Client s3, GetTries tries) {
        this.s3 = s3;
        this.tries = tries;
    }

    /// Bytes one GET asks for: about eight GETs per parallel request over the object, in whole
    /// pieces, at most [#MAX_SPAN]. Every GET is a request through the SDK (and, in a short run,
    /// JIT work for it): 8 MiB GETs of a 2 GiB object took 256 of them and a third more client
    /// CPU. Longer spans would cost at the end instead: the file is hashed in order, and about
    /// `concurrency` spans' worth of bytes is still unhashed when the last byte lands.
    static long spanSize(long size, long piece, int concurrency) {
        long share = (size + 8L * concurrency - 1) / (8L * concurrency);
        long pieces = Math.max(1, (share + piece - 1) / piece);
        return Math.max(piece, Math.min(pieces * piece, MAX_SPAN / piece * piece));
    }

    /// The spans still to fetch: runs of pieces not yet written, cut at `span` bytes.
    static List<long[]> spans(Map<Long, Long> written, long size, long piece, long span) {
        List<long[]> out = new ArrayList<>();
        long runStart = -1;
        for (long start = 0; start < size; start += piece) {
            boolean missing = !written.containsKey(start);
            if (missing && runStart < 0) {
                runStart = start;
            }
            long next = Math.min(size, start + piece);
            if (runStart >= 0 && (!missing || next - runStart >= span || next == size)) {
                long end = missing ? next : start;
                out.add(new long[] {runStart, end});
                runStart = -1;
            }
        }
        return out;
    }

    /// A server (or a proxy in front of it) that ignores `Range` answers 200 with the object from
    /// its first byte; written at the span's offset that would corrupt the file, silently so for an
    /// object without a checksum to compare. Refuse it instead, unless the range was the whole
    /// object of `size` bytes.
    static void requireRange(GetObjectResponse response, long from, long end,
                             long size, TransferRequest.Download r) {
        String expected = "bytes " + from + "-" + (end - 1) + "/";
        String got = response.contentRange();
        // A range that is the whole object may come back as a plain 200 (RFC 9110 allows it).
        boolean whole = got == null && from == 0 && end == size && Long.valueOf(size).equals(response.contentLength());
        if (!whole && (got == null || !got.startsWith(expected))) {
            throw new S3EngineException.Unsupported("ranged downloads",
                    "asked for bytes " + from + "-" + (end - 1) + " of " + r.bucket() + "/" + r.key() + ", it answered "
                            + (got == null ? "without a Content-Range" : "with Content-Range " + got), null);
        }
    }

    /// Each range must come from the object that was looked at first. Servers that ignore
    /// `If-Match` on GET (Garage before 1.1) would otherwise mix ranges of two versions into one
    /// file, unnoticed for an object with no checksum to compare.
    static void requireSameObject(GetObjectResponse response, String etag, TransferRequest.Download r) {
        String got = response.eTag();
        // A blank ETag (old MinIO) says nothing either way.
        if (got != null && etag != null && !got.isBlank() && !bare(got).equals(bare(etag))) {
            throw new S3EngineException.SourceChanged("The object " + r.bucket() + "/" + r.key());
        }
    }

    private static String bare(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Hashes.stripQuotes(e);
    }

    /// One GET for `[start, end)`, landing each piece as its last byte is written. A retry asks only
    /// for what follows the last landed piece.
    void fetch(TransferTask task, TransferRequest.Download r, ObjectMetadata meta, FileChannel ch, long start,
               long end, long piece, RangeLedger ledger) {
        AtomicLong got = new AtomicLong(); // bytes counted in progress but not yet landed
        AtomicLong landedTo = new AtomicLong(start);
        get(task, r, meta, landedTo::get, end, got,
                (in, from) -> copyPieces(task, in, ch, from, end, piece, got, landedTo, ledger));
    }

    /// What a ranged GET's body is read with; `from` is where this try's range starts.
    interface RangeBody {
        void read(InputStream in, long from) throws IOException, InterruptedException;
    }

    /// `[from, end)` of the object through [GetTries]: each try asks from `from` (read anew, so a
    /// caller can move it past what it kept) and checks the answer is that range.
    void get(TransferTask task, TransferRequest.Download r, ObjectMetadata meta, LongSupplier from, long end,
             AtomicLong got, RangeBody body) {
        tries.run(task, r, got, () -> {
            long start = from.getAsLong();
            GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(r.bucket()).key(r.key())
                    .range("bytes=" + start + "-" + (end - 1)).ifMatch(meta.etag());
            Sse.apply(b, r.encryption());
            try (var in = s3.getObject(b.build())) {
                requireRange(in.response(), start, end, meta.size(), r);
                requireSameObject(in.response(), meta.etag(), r);
                body.read(in, start);
            }
            return null;
        });
    }

    private void copyPieces(TransferTask task, InputStream in, FileChannel ch, long from, long end, long piece, AtomicLong got,
                            AtomicLong landedTo, RangeLedger ledger) throws IOException, InterruptedException {
        byte[] buf = new byte[ChunkStream.CHUNK];
        long pos = from;
        long boundary = Math.min(end, (from / piece + 1) * piece);
        while (pos < end) {
            int n = tries.readSome(task, in, buf, 0, (int) Math.min(buf.length, boundary - pos), pos - from, end - from, got);
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
            while (bb.hasRemaining()) {
                pos += ch.write(bb, pos);
            }
            if (pos == boundary) {
                ledger.landed(landedTo.get(), pos);
                landedTo.set(pos);
                got.set(0);
                boundary = Math.min(end, pos + piece);
            }
        }
    }
}
