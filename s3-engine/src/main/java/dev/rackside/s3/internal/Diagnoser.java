package dev.rackside.s3.internal;

import dev.rackside.s3.ConnectionReport;
import dev.rackside.s3.ConnectionReport.Check;
import dev.rackside.s3.ConnectionReport.Outcome;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/// Runs the connection test: list buckets, find the bucket, then write, read and delete a small
/// probe object, and names the most likely cause of the first failure.
public final class Diagnoser {
    private final S3Client s3;
    private final Operations ops;

    public Diagnoser(S3Client s3, String region) {
        this.s3 = s3;
        // One try only: a connection test should answer in seconds, not after a minute of backoff.
        this.ops = new Operations(s3, new Retrier(1, java.time.Duration.ZERO, java.time.Duration.ZERO, region), region);
    }

    public ConnectionReport run(Optional<String> bucket) {
        List<Check> checks = new ArrayList<>();
        S3EngineException listFailure = null;
        try {
            int n = ops.listBuckets().size();
            checks.add(new Check("list buckets", true, n + " bucket(s) visible"));
        } catch (S3EngineException e) {
            checks.add(new Check("list buckets", false, e.getMessage()));
            listFailure = e;
            // Keys scoped to one bucket often may not list buckets: only fatal without a bucket.
            if (!(e instanceof S3EngineException.AccessDenied) || bucket.isEmpty()) {
                return verdict(e, checks);
            }
        }
        if (bucket.isEmpty()) {
            return new ConnectionReport(Outcome.OK, "Connected.", Optional.empty(), checks);
        }
        String b = bucket.get();
        try {
            if (!ops.bucketExists(b)) {
                checks.add(new Check("bucket exists", false, "no bucket " + b));
                return new ConnectionReport(Outcome.BUCKET_NOT_FOUND, "Connected, but there is no bucket named " + b + ".",
                        Optional.empty(), checks);
            }
            checks.add(new Check("bucket exists", true, b));
            probe(b);
            checks.add(new Check("write/read/delete probe", true, "a small object was written, read back and deleted"));
        } catch (S3EngineException e) {
            checks.add(new Check(checks.size() < 2 ? "bucket exists" : "write/read/delete probe", false, e.getMessage()));
            return verdict(e, checks);
        }
        return new ConnectionReport(Outcome.OK, listFailure == null ? "Connected; reading and writing work."
                : "Connected; reading and writing in " + b + " work (listing all buckets is not allowed).", Optional.empty(), checks);
    }

    private void probe(String bucket) {
        String key = ".rackside-probe-" + UUID.randomUUID();
        byte[] data = ("rackside connection probe " + key).getBytes(StandardCharsets.UTF_8);
        ops.putBytes(bucket, key, data, "text/plain", Map.of(), Encryption.none());
        try {
            byte[] back = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            if (!Arrays.equals(data, back)) {
                throw new S3EngineException.IntegrityFailed(bucket + "/" + key, "content", data.length + " bytes", back.length + " different bytes");
            }
        } catch (S3EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.map(e, "read the probe object", "", 1);
        } finally {
            ops.delete(bucket, List.of(key));
        }
    }

    static ConnectionReport verdict(S3EngineException e, List<Check> checks) {
        Optional<String> region = Optional.empty();
        Outcome outcome = switch (e) {
            case S3EngineException.WrongRegion w -> {
                region = w.suggestedRegion();
                yield Outcome.WRONG_REGION;
            }
            case S3EngineException.BadCredentials b -> Outcome.BAD_KEY;
            case S3EngineException.ClockSkew c -> Outcome.CLOCK_SKEW;
            case S3EngineException.AccessDenied a -> Outcome.PERMISSION_DENIED;
            case S3EngineException.NotFound n -> Outcome.BUCKET_NOT_FOUND;
            case S3EngineException.Unsupported u -> Outcome.UNSUPPORTED;
            case S3EngineException.ServiceFailure s -> Outcome.SERVER_ERROR;
            case S3EngineException.Unreachable u -> switch (u.reason()) {
                case DNS -> Outcome.DNS;
                case CONNECTION_REFUSED -> Outcome.CONNECTION_REFUSED;
                case TLS -> Outcome.TLS;
                case TIMEOUT, CONNECTION_LOST -> Outcome.TIMEOUT;
            };
            default -> Outcome.OTHER;
        };
        return new ConnectionReport(outcome, e.getMessage(), region, checks);
    }
}
