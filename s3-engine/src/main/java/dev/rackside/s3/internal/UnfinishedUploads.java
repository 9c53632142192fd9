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
        boolean[] minio = {false};
        List<IncompleteUpload> found = list(bucket, prefix, minio);
        if (found.isEmpty() && prefix != null && !prefix.isEmpty() && minio[0]) {
            // MinIO reads a prefix as one object's name, so a folder never has any: it is asked
            // for the bucket's uploads (those it has in memory) and they are filtered here.
            return list(bucket, "", minio).stream().filter(u -> u.key().startsWith(prefix)).toList();
        }
        return found;
    }

    private List<IncompleteUpload> list(String bucket, String prefix, boolean[] minio) {
        List<IncompleteUpload> out = new ArrayList<>();
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
        return out;
    }
}
