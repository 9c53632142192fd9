package dev.rackside.s3.internal;

import dev.rackside.s3.IncompleteUpload;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// The unfinished multipart uploads under a prefix, all pages of them.
public final class UnfinishedUploads {
    private final S3Client s3;
    private final Retrier retrier;

    public UnfinishedUploads(S3Client s3, Retrier retrier) {
        this.s3 = s3;
        this.retrier = retrier;
    }

    public List<IncompleteUpload> list(String bucket, String prefix) {
        Listing found = listing(bucket, prefix);
        if (found.uploads().isEmpty() && prefix != null && !prefix.isEmpty() && found.minio()) {
            // MinIO reads a prefix as one object's name, so a folder never has any: it is asked
            // for the bucket's uploads (those it has in memory) and they are filtered here.
            return listing(bucket, "").uploads().stream().filter(u -> u.key().startsWith(prefix)).toList();
        }
        return found.uploads();
    }

    /// A listing's uploads, and whether a MinIO server answered it (its `Server` header).
    private record Listing(List<IncompleteUpload> uploads, boolean minio) {
    }

    private Listing listing(String bucket, String prefix) {
        List<IncompleteUpload> out = new ArrayList<>();
        boolean[] minio = {false}; // set by the page fetcher below
        new Pages<String[], List<IncompleteUpload>>(cursor -> {
            ListMultipartUploadsResponse r = retrier.call("list unfinished uploads in " + bucket,
                    () -> Operations.parsed(encoded -> s3.listMultipartUploads(b -> b
                            .bucket(bucket).prefix(prefix).keyMarker(cursor == null ? null : cursor[0])
                            .uploadIdMarker(cursor == null ? null : cursor[1]).encodingType(encoded ? EncodingType.URL : null))));
            minio[0] |= r.sdkHttpResponse().firstMatchingHeader("Server")
                    .filter(s -> s.toLowerCase(Locale.ROOT).startsWith("minio")).isPresent();
            List<IncompleteUpload> page = r.uploads().stream()
                    .map(u -> new IncompleteUpload(u.key(), u.uploadId(), u.initiated())).toList();
            return new Pages.Page<>(page, Boolean.TRUE.equals(r.isTruncated())
                    ? new String[] {r.nextKeyMarker(), r.nextUploadIdMarker()} : null);
        }).forEachRemaining(out::addAll);
        return new Listing(out, minio[0]);
    }
}
