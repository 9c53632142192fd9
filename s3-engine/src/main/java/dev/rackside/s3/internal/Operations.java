package dev.rackside.s3.internal;

import dev.rackside.s3.BucketInfo;
import dev.rackside.s3.DeleteResult;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.ObjectPage;
import dev.rackside.s3.ObjectVersion;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Bucket and object operations that are one or a few requests each.
public final class Operations {
    /// DeleteObjects accepts at most this many keys per call.
    public static final int DELETE_BATCH = 1000;
    public static final String SHA256_META = "rackside-sha256";
    /// Buckets per ListBuckets page on AWS (its largest documented page is 10,000, its smallest cap 1,000).
    static final int BUCKET_PAGE = 1000;

    private final S3Client s3;
    private final Retrier retrier;
    private final String region;
    private final SseProbe sseProbe;
    private final BatchDelete deletes;
    private final ObjectHeads heads;

    public Operations(S3Client s3, Retrier retrier, String region) {
        this.s3 = s3;
        this.retrier = retrier;
        this.region = region;
        this.sseProbe = new SseProbe(s3, retrier);
        this.deletes = new BatchDelete(s3, retrier);
        this.heads = new ObjectHeads(s3, retrier);
    }

    /// This engine's answers to "does the server apply SSE-S3/KMS in this bucket?".
    public SseProbe sseProbe() {
        return sseProbe;
    }

    public List<BucketInfo> listBuckets() {
        // AWS refuses unpaginated ListBuckets for accounts allowed more than 10,000 buckets, so
        // there pages are asked for; other servers get the plain request some of them insist on.
        boolean aws = Clients.aws(s3);
        List<BucketInfo> buckets = new ArrayList<>();
        new Pages<String, List<software.amazon.awssdk.services.s3.model.Bucket>>(token -> {
            var page = retrier.call("list buckets", () -> s3.listBuckets(b -> b
                    .maxBuckets(aws ? BUCKET_PAGE : null).continuationToken(token)));
            String next = page.continuationToken();
            return new Pages.Page<>(page.buckets(), next == null || next.isEmpty() ? null : next);
        }).forEachRemaining(page -> page.forEach(
                b -> buckets.add(new BucketInfo(b.name(), Optional.ofNullable(b.creationDate())))));
        return List.copyOf(buckets);
    }

    public void createBucket(String bucket) {
        createBucket(s3, bucket, region);
    }

    /// Creates `bucket` in the region `in`: on AWS through a client of that region when it is not
    /// the endpoint's, elsewhere at the one endpoint (see [dev.rackside.s3.S3Engine#createBucket(String, String)]).
    public void createBucket(String bucket, String in, Clients clients) {
        if (in.equals(region) || !Clients.aws(s3)) {
            createBucket(s3, bucket, in);
        } else {
            try (S3Client regional = clients.inAwsRegion(in)) {
                createBucket(regional, bucket, in);
            }
        }
    }

    private void createBucket(S3Client client, String bucket, String in) {
        retrier.call("create bucket " + bucket, () -> client.createBucket(b -> {
            b.bucket(bucket);
            // us-east-1 is the one region that must not be named as a location constraint.
            if (!"us-east-1".equals(in)) {
                b.createBucketConfiguration(CreateBucketConfiguration.builder().locationConstraint(in).build());
            }
        }));
    }

    public void deleteBucket(String bucket) {
        try {
            retrier.call("delete bucket " + bucket, () -> s3.deleteBucket(b -> b.bucket(bucket)));
        } catch (S3EngineException.BucketNotEmpty e) {
            // The generic mapping only knows the operation; the operator needs the bucket's name.
            throw new S3EngineException.BucketNotEmpty(bucket, e.getCause());
        }
    }

    public boolean bucketExists(String bucket) {
        try {
            retrier.call("find bucket " + bucket, () -> s3.headBucket(b -> b.bucket(bucket)));
            return true;
        } catch (S3EngineException.NotFound e) {
            return false;
        }
    }

    /// One page of ListObjectsV2; `token` is null for the first page.
    public ListObjectsV2Response listPage(String bucket, String prefix, boolean delimited, int pageSize, String token) {
        // URL-encoded keys, as aws-cli asks: one key with a control character (legal in S3) would
        // make a plain page's XML invalid (S3Proxy), or the server fail it (S3Mock answers 500).
        return retrier.call("list bucket " + bucket, () -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)
                .delimiter(delimited ? "/" : null).maxKeys(pageSize).continuationToken(token).encodingType(EncodingType.URL)));
    }

    /// A version or upload listing page asked for plainly, and again with URL-encoded keys only if
    /// it cannot be parsed (a key with a control character). Asked encoded from the start, Ceph
    /// RGW's upload listing encodes keys without saying so, and older RGW leaves the next key
    /// marker raw, which the SDK would then decode wrongly (skipped or repeated versions).
    static <T> T parsed(java.util.function.Function<Boolean, T> page) {
        try {
            return page.apply(false);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Could not parse XML response")) {
                throw e;
            }
            return page.apply(true);
        }
    }

    /// Lazy pages of a listing; each call starts a fresh listing.
    public java.util.Iterator<ObjectPage> pages(String bucket, String prefix, boolean delimited, int pageSize) {
        // S3 returns each common prefix once, but some servers (Adobe's S3Mock) repeat all of them on
        // every page: a folder is passed on only the first time. Folders are few next to keys.
        java.util.Set<String> seenFolders = new java.util.HashSet<>();
        return new Pages<String, ObjectPage>(token -> {
            var r = listPage(bucket, prefix, delimited, pageSize, token);
            ObjectPage page = toPage(prefix, r);
            List<String> fresh = page.folders().stream().filter(seenFolders::add).toList();
            if (fresh.size() != page.folders().size()) {
                page = new ObjectPage(page.prefix(), fresh, page.objects(), page.truncated());
            }
            return new Pages.Page<>(page, Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null);
        });
    }

    /// Lazy pages of versions and delete markers.
    public java.util.Iterator<List<ObjectVersion>> versionPages(String bucket, String prefix) {
        return new Pages<String[], List<ObjectVersion>>(cursor -> {
            var r = versionsPage(bucket, prefix, cursor == null ? null : cursor[0], cursor == null ? null : cursor[1]);
            return new Pages.Page<>(toVersions(r), Boolean.TRUE.equals(r.isTruncated())
                    ? new String[] {r.nextKeyMarker(), r.nextVersionIdMarker()} : null);
        });
    }

    public static ObjectPage toPage(String prefix, ListObjectsV2Response r) {
        return new ObjectPage(prefix, r.commonPrefixes().stream().map(p -> p.prefix()).toList(),
                r.contents().stream().map(o -> new ObjectInfo(o.key(), o.size(), o.lastModified(), o.eTag(),
                        o.storageClassAsString())).toList(), Boolean.TRUE.equals(r.isTruncated()));
    }

    public ObjectMetadata head(String bucket, String key, Encryption sse) {
        return heads.head(bucket, key, null, sse);
    }

    /// HEAD of the current version, or of `versionId` when not null.
    public ObjectMetadata head(String bucket, String key, String versionId, Encryption sse) {
        return heads.head(bucket, key, versionId, sse);
    }

    /// HEAD that also reads the full-object checksum the server keeps ([ObjectMetadata#serverChecksum()]).
    public ObjectMetadata headChecked(String bucket, String key, Encryption sse) {
        return heads.withChecksum(bucket, key, sse).meta();
    }

    /// What a download needs to know: the object, and the server's full-object checksum.
    ObjectHeads.Headed headForDownload(String bucket, String key, Encryption sse) {
        return heads.withChecksum(bucket, key, sse);
    }

    public void putBytes(String bucket, String key, byte[] data, String contentType, Map<String, String> meta, Encryption sse) {
        sseProbe.require(bucket, key, sse);
        retrier.call("upload " + bucket + "/" + key, () -> {
            PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                    .metadata(meta).contentMD5(Hashes.md5Base64(data));
            Sse.apply(b, sse);
            return s3.putObject(b.build(), RequestBody.fromBytes(data));
        });
    }

    public Map<String, String> tags(String bucket, String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        retrier.call("read tags of " + bucket + "/" + key, () -> s3.getObjectTagging(b -> b.bucket(bucket).key(key)))
                .tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    public void setTags(String bucket, String key, Map<String, String> tags) {
        if (tags.size() > 10) {
            throw new IllegalArgumentException("S3 allows at most 10 tags per object");
        }
        List<Tag> set = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        retrier.call("change tags of " + bucket + "/" + key, () -> refusingChecksums("object tags",
                () -> s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(Tagging.builder().tagSet(set).build()))));
    }

    public DeleteResult delete(String bucket, Collection<String> keys) {
        return deletes.delete(bucket, keys);
    }

    public void setVersioning(String bucket, boolean enabled) {
        retrier.call("change versioning of " + bucket, () -> refusingChecksums("changing versioning",
                () -> s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(enabled
                        ? BucketVersioningStatus.ENABLED : BucketVersioningStatus.SUSPENDED)))));
    }

    /// Runs a call the SDK always sends with a checksum header; a server that refuses such headers
    /// cannot take it at all, which is said as such rather than as a refused header.
    private static <T> T refusingChecksums(String feature, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if (ChecksumSupport.isRefusal(e)) {
                throw new S3EngineException.Unsupported(feature, "it refuses the checksum header S3 requires on this request", e);
            }
            throw e;
        }
    }

    public boolean versioningEnabled(String bucket) {
        return retrier.call("read versioning of " + bucket, () -> s3.getBucketVersioning(b -> b.bucket(bucket)))
                .status() == BucketVersioningStatus.ENABLED;
    }

    /// One page of versions and delete markers, newest first per key.
    public ListObjectVersionsResponse versionsPage(String bucket, String prefix, String keyMarker, String versionMarker) {
        return retrier.call("list versions in " + bucket, () -> parsed(encoded -> s3.listObjectVersions(b -> b.bucket(bucket)
                .prefix(prefix).keyMarker(keyMarker).versionIdMarker(versionMarker).encodingType(encoded ? EncodingType.URL : null))));
    }

    public static List<ObjectVersion> toVersions(ListObjectVersionsResponse r) {
        List<ObjectVersion> out = new ArrayList<>();
        r.versions().forEach(v -> out.add(new ObjectVersion(v.key(), v.versionId(), v.size(), v.lastModified(),
                Boolean.TRUE.equals(v.isLatest()), false)));
        r.deleteMarkers().forEach(m -> out.add(new ObjectVersion(m.key(), m.versionId(), 0, m.lastModified(),
                Boolean.TRUE.equals(m.isLatest()), true)));
        return out;
    }

    public void abortUpload(String bucket, String key, String uploadId) {
        try {
            retrier.call("abort upload of " + bucket + "/" + key, () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId)));
        } catch (S3EngineException.NotFound e) {
            if (!(e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
                    && "NoSuchUpload".equals(ErrorDetails.code(a)))) {
                throw e;
            }
            // Already gone (aborted elsewhere, or cleaned up by the server): what was asked for.
        }
    }
}
