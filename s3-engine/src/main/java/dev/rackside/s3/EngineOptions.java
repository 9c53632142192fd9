package dev.rackside.s3;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/// How an [S3Engine] transfers: concurrency, part sizes, retries, bandwidth and the journal.
///
/// @param journal            SQLite file recording every transfer so it resumes after a crash;
///                           empty keeps the journal in memory (no resume across runs)
/// @param concurrency        parallel part/range requests over the whole queue (changeable live)
/// @param minPartSize        smallest multipart part; the part size grows so no upload needs more
///                           than 10,000 parts (S3 needs ≥ 5 MiB; 8 MiB is aws-cli's default)
/// @param multipartThreshold files at least this large are uploaded in parts
/// @param copyPartThreshold  server-side copies above this use UploadPartCopy (S3's limit is 5 GiB)
/// @param copyPartSize       part size of such a copy
/// @param rangeSize          the piece of a parallel download that is journalled (and resumed) as
///                           one; a GET asks for a span of several pieces, and objects up to this
///                           size from a listing are fetched whole in one GET
/// @param bufferMemory       bytes of part buffers an upload may hold at once
/// @param maxAttempts        tries per request before giving up (1 = no retry)
/// @param retryBaseDelay     first backoff; doubles per try, with full jitter
/// @param retryMaxDelay      cap of one backoff
/// @param uploadLimit        bytes/s up, 0 = unlimited (changeable live through [TransferQueue])
/// @param downloadLimit      bytes/s down, 0 = unlimited
/// @param schedule           weekly limits that apply on top of the fixed ones
/// @param sharedLimits       limits shared with other engines; when given, they replace
///                           `uploadLimit`, `downloadLimit` and `schedule` (which must be unset),
///                           and their own clock reads their schedule
/// @param clock              the wall clock the schedule is read with (injectable for tests)
/// @param progressInterval   how often progress is reported; listeners never see every byte
/// @param connectTimeout     TCP/TLS connect timeout
/// @param requestTimeout     one HTTP request's timeout, excluding retries
public record EngineOptions(Optional<Path> journal, int concurrency, long minPartSize, long multipartThreshold,
                            long copyPartThreshold, long copyPartSize, long rangeSize, long bufferMemory,
                            int maxAttempts, Duration retryBaseDelay, Duration retryMaxDelay,
                            long uploadLimit, long downloadLimit, Optional<BandwidthSchedule> schedule, Clock clock,
                            Duration progressInterval, Duration connectTimeout, Duration requestTimeout,
                            Optional<BandwidthLimits> sharedLimits) {

    public static final long MIB = 1024L * 1024;
    public static final long GIB = 1024L * MIB;
    /// The largest part an upload uses: S3 allows 5 GiB, but a part is held in memory as one array.
    public static final long MAX_PART_SIZE = GIB;

    public EngineOptions {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sharedLimits, "sharedLimits");
        if (uploadLimit < 0 || downloadLimit < 0) {
            throw new IllegalArgumentException("limits must be ≥ 0 (0 = unlimited)");
        }
        if (sharedLimits.isPresent() && (uploadLimit != 0 || downloadLimit != 0 || schedule.isPresent())) {
            throw new IllegalArgumentException("give either shared limits or this engine's own limits and schedule");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (minPartSize < 5 * MIB || minPartSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("minPartSize must be between 5 MiB (S3's minimum) and 1 GiB (held in memory)");
        }
        if (copyPartSize < 5 * MIB || copyPartSize > 5 * GIB || copyPartThreshold > 5 * GIB) {
            throw new IllegalArgumentException("copy parts must be between 5 MiB and 5 GiB (S3's limits)");
        }
        if (maxAttempts < 1 || rangeSize < 1 || bufferMemory < minPartSize) {
            throw new IllegalArgumentException("maxAttempts, rangeSize and bufferMemory must be positive (bufferMemory ≥ minPartSize)");
        }
    }

    public static EngineOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /// A builder pre-filled with defaults close to aws-cli's (8 MiB parts, 8 parallel requests).
    public static final class Builder {
        private Path journal;
        private int concurrency = 8;
        private long minPartSize = 8 * MIB;
        private long multipartThreshold = 16 * MIB;
        private long copyPartThreshold = 5 * GIB;
        private long copyPartSize = 512 * MIB;
        private long rangeSize = 8 * MIB;
        private long bufferMemory = 256 * MIB;
        private int maxAttempts = 6;
        private Duration retryBaseDelay = Duration.ofMillis(200);
        private Duration retryMaxDelay = Duration.ofSeconds(20);
        private long uploadLimit;
        private long downloadLimit;
        private BandwidthSchedule schedule;
        private BandwidthLimits sharedLimits;
        private Clock clock = Clock.systemDefaultZone();
        private Duration progressInterval = Duration.ofMillis(250);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(5);

        public Builder journal(Path journal) { this.journal = journal; return this; }
        public Builder concurrency(int concurrency) { this.concurrency = concurrency; return this; }
        public Builder minPartSize(long bytes) { this.minPartSize = bytes; return this; }
        public Builder multipartThreshold(long bytes) { this.multipartThreshold = bytes; return this; }
        public Builder copyPartThreshold(long bytes) { this.copyPartThreshold = bytes; return this; }
        public Builder copyPartSize(long bytes) { this.copyPartSize = bytes; return this; }
        public Builder rangeSize(long bytes) { this.rangeSize = bytes; return this; }
        public Builder bufferMemory(long bytes) { this.bufferMemory = bytes; return this; }
        public Builder maxAttempts(int attempts) { this.maxAttempts = attempts; return this; }
        public Builder retryDelays(Duration base, Duration max) { this.retryBaseDelay = base; this.retryMaxDelay = max; return this; }
        public Builder uploadLimit(long bytesPerSecond) { this.uploadLimit = bytesPerSecond; return this; }
        public Builder downloadLimit(long bytesPerSecond) { this.downloadLimit = bytesPerSecond; return this; }
        public Builder schedule(BandwidthSchedule schedule) { this.schedule = schedule; return this; }
        public Builder sharedLimits(BandwidthLimits limits) { this.sharedLimits = limits; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        public Builder progressInterval(Duration interval) { this.progressInterval = interval; return this; }
        public Builder connectTimeout(Duration timeout) { this.connectTimeout = timeout; return this; }
        public Builder requestTimeout(Duration timeout) { this.requestTimeout = timeout; return this; }

        public EngineOptions build() {
            return new EngineOptions(Optional.ofNullable(journal), concurrency, minPartSize, multipartThreshold,
                    copyPartThreshold, copyPartSize, rangeSize, bufferMemory, maxAttempts, retryBaseDelay, retryMaxDelay,
                    uploadLimit, downloadLimit, Optional.ofNullable(schedule), clock, progressInterval, connectTimeout,
                    requestTimeout, Optional.ofNullable(sharedLimits));
        }
    }
}
