package dev.rackside.app.feature.s3;

import dev.rackside.app.demo.DemoS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import dev.rackside.s3.EngineOptions;

/// Shared test plumbing: the demo S3 server, a UI "thread" the test pumps itself, scripted
/// prompts, a recording notifier and file helpers.
final class S3Fixture {
    private S3Fixture() {
    }

    /// Small parts and frequent progress, so transfers are multipart and reported in tests.
    static EngineOptions.Builder fastOptions() {
        return EngineOptions.builder().minPartSize(5 * EngineOptions.MIB).multipartThreshold(5 * EngineOptions.MIB)
                .rangeSize(EngineOptions.MIB).retryDelays(Duration.ofMillis(10), Duration.ofMillis(100))
                .maxAttempts(2).progressInterval(Duration.ofMillis(50));
    }

    static DemoS3 demo() {
        return DemoS3.start("Demo S3", fastOptions().build());
    }

    /// What a crashed tool leaves behind in `bucket`: a slow upload of `file` by another engine (its
    /// journal in memory, gone with it), paused once its multipart upload exists.
    static void leaveBehind(DemoS3 demo, Path file, String bucket, String key) throws Exception {
        try (dev.rackside.s3.S3Engine other = dev.rackside.s3.S3Engine.open(demo.endpoint(),
                fastOptions().uploadLimit(2_000_000).build())) {
            dev.rackside.s3.Transfer t = other.transfers().upload(file, bucket, key);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (demo.engine().incompleteUploads(bucket, "").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            t.pause();
        }
    }

    /// The UI thread of a ViewModel test: posted batches run when the test pumps, on its own thread.
    static final class Ui implements Consumer<Runnable> {
        private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();

        @Override
        public void accept(Runnable r) {
            queue.add(r);
        }

        void pump() {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
        }

        /// Pumps until `done` holds, failing after `seconds`.
        void until(BooleanSupplier done, int seconds, String what) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                pump();
                if (done.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /// Answers as scripted and remembers what was asked.
    static final class Scripted implements S3Prompts {
        boolean confirm = true;
        Optional<Target> target = Optional.empty();
        Optional<Duration> expiry = Optional.of(Duration.ofHours(1));
        Optional<NewBucket> newBucket = Optional.empty();
        Optional<UploadLink> uploadLink = Optional.empty();
        final List<List<String>> deleteQuestions = new ArrayList<>();
        final List<String> otherQuestions = new ArrayList<>();

        @Override
        public boolean confirmDelete(List<String> names) {
            deleteQuestions.add(names);
            return confirm;
        }

        @Override
        public Optional<NewBucket> askNewBucket(String region, boolean aws) {
            otherQuestions.add("new bucket in " + region + (aws ? " (AWS)" : ""));
            return newBucket;
        }

        @Override
        public boolean confirmDeleteBucket(String bucket) {
            return confirm;
        }

        @Override
        public Optional<Target> askTarget(TargetKind kind, String bucket, String key, List<String> buckets) {
            return target;
        }

        @Override
        public boolean confirmReplaceObjects(String where, List<String> names) {
            otherQuestions.add("replace objects " + where + " " + names);
            return confirm;
        }

        @Override
        public boolean confirmReplaceFiles(String where, List<String> names) {
            otherQuestions.add("replace files " + where + " " + names);
            return confirm;
        }

        @Override
        public Optional<Target> askFolderTarget(TargetKind kind, String bucket, String prefix, int count, List<String> buckets) {
            otherQuestions.add(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + count + " items from " + bucket + "/" + prefix);
            return target;
        }

        @Override
        public Optional<Duration> askLinkExpiry(String key) {
            return expiry;
        }

        @Override
        public Optional<UploadLink> askUploadLink(String bucket, String prefix) {
            otherQuestions.add("upload link " + bucket + "/" + prefix);
            return uploadLink;
        }

        @Override
        public boolean confirmRestore(String key, dev.rackside.s3.ObjectVersion version) {
            otherQuestions.add("restore " + key);
            return confirm;
        }

        @Override
        public boolean confirmVersioning(String bucket, boolean enable) {
            otherQuestions.add((enable ? "enable" : "suspend") + " versioning " + bucket);
            return confirm;
        }

        @Override
        public boolean confirmAbort(List<String> keys) {
            otherQuestions.add("abort " + keys);
            return confirm;
        }
    }

    static Path file(Path dir, String relative, int size, long seed) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.write(p, data);
        return p;
    }

    /// Relative path (with `/`) → SHA-256 of every regular file under `root`.
    static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
