package dev.rackside.s3.internal;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Endpoint;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.Transfer;
import dev.rackside.s3.TransferState;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// Downloads of one file wait for each other, also when only case or Unicode form tells their
/// names apart (one file on macOS's and Windows's disks).
class LocalFileLocksTest {
    @Test
    void namesThatDifferOnlyInCaseOrNormalFormAreOneFile() {
        assertEquals(LocalFileLocks.key(Path.of("/d/\u0131x")), LocalFileLocks.key(Path.of("/d/IX")), "dotless i, as NTFS");
        assertEquals(LocalFileLocks.key(Path.of("/d/\u03bf\u03b4\u03bf\u03c2")), LocalFileLocks.key(Path.of("/d/\u039f\u0394\u039f\u03a3")));
        assertEquals(LocalFileLocks.key(Path.of("/d/Photo.JPG")), LocalFileLocks.key(Path.of("/d/photo.jpg")));
        assertEquals(LocalFileLocks.key(Path.of("/d/caf\u00e9")), LocalFileLocks.key(Path.of("/d/cafe\u0301")));
        assertEquals(LocalFileLocks.key(Path.of("/d/x/../a")), LocalFileLocks.key(Path.of("/d/a")));
        assertNotEquals(LocalFileLocks.key(Path.of("/d/a")), LocalFileLocks.key(Path.of("/d/b")));
    }

    @Test
    void theSecondWaitsForTheFirstAndNothingIsLeftHeld() throws Exception {
        int before = LocalFileLocks.size();
        CountDownLatch second = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean firstDone = new AtomicBoolean();
        Thread other;
        try (LocalFileLocks.Held first = LocalFileLocks.hold(Path.of("/tmp/locks-test/Photo.JPG"))) {
            other = Thread.ofPlatform().start(() -> {
                try (LocalFileLocks.Held h = LocalFileLocks.hold(Path.of("/tmp/locks-test/photo.jpg"))) {
                    overlapped.set(!firstDone.get());
                    second.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertFalse(second.await(300, TimeUnit.MILLISECONDS), "the second waits while the first holds the file");
            firstDone.set(true);
        }
        assertTrue(second.await(5, TimeUnit.SECONDS));
        other.join();
        assertFalse(overlapped.get());
        assertEquals(before, LocalFileLocks.size(), "released files leave nothing behind");
    }

    @Test
    void aWaitEndsWhenInterruptedAndLeavesNothingHeld() throws Exception {
        int before = LocalFileLocks.size();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (LocalFileLocks.Held first = LocalFileLocks.hold(Path.of("/tmp/locks-test/iso"))) {
            Thread waiting = Thread.ofPlatform().start(() -> {
                try (LocalFileLocks.Held h = LocalFileLocks.hold(Path.of("/tmp/locks-test/ISO"))) {
                    interrupted.set(false);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            });
            Thread.sleep(100);
            waiting.interrupt(); // an engine shutting down
            waiting.join(5000);
            assertTrue(interrupted.get());
        }
        assertEquals(before, LocalFileLocks.size());
    }

    static S3Proxy server() throws Exception {
        S3Proxy server = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "id", "secret").ignoreUnknownHeaders(true).build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.sleep(5);
        }
        return server;
    }

    static S3Endpoint endpoint(S3Proxy server) {
        return S3Endpoint.builder("t").endpoint("http://127.0.0.1:" + server.getPort()).pathStyle(true)
                .staticKeys("id", "secret").build();
    }

    static void until(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), what);
    }

    @Test
    void aDownloadWaitsWhileItsFileIsHeldAndPauseOrCancelFreeItsSlotAndLeaveThePart(@TempDir Path dir) throws Exception {
        S3Proxy server = server();
        Path source = Files.write(dir.resolve("source.bin"), new byte[70_000]);
        Path target = dir.resolve("out/Photo.JPG");
        S3Endpoint endpoint = endpoint(server);
        // One transfer slot: a paused download must give it back, not sit in it waiting for the file.
        try (S3Engine s3 = S3Engine.open(endpoint, EngineOptions.builder().journal(dir.resolve("j.db")).concurrency(1).build())) {
            s3.createBucket("locks");
            s3.transfers().upload(source, "locks", "photo.jpg").await();
            s3.transfers().upload(source, "locks", "other.jpg").await();
            Transfer t;
            // As a running download of the same file on macOS holds it, and its .part.
            try (LocalFileLocks.Held running = LocalFileLocks.hold(dir.resolve("out/photo.jpg"))) {
                Path part = Files.write(Files.createDirectories(dir.resolve("out")).resolve("Photo.JPG.part"), new byte[10]);
                t = s3.transfers().download("locks", "photo.jpg", target);
                until(() -> t.state() == TransferState.RUNNING, "started, and waiting for the file");
                t.pause(); // the wait sees the pause within 100 ms and gives the slot back
                Transfer next = s3.transfers().download("locks", "photo.jpg", dir.resolve("elsewhere.bin"));
                next.completion().get(10, TimeUnit.SECONDS); // would time out if the paused one kept the slot
                assertFalse(Files.exists(target));

                Transfer doomed = s3.transfers().download("locks", "other.jpg", target); // its .part is that one
                until(() -> doomed.state() == TransferState.RUNNING, "the second one waits too");
                doomed.cancel();
                until(() -> doomed.state() == TransferState.CANCELLED, "cancelled while waiting");
                Thread.sleep(200); // the cancelled transfer's leftovers are cleared on its worker
                assertTrue(Files.exists(part), "the running download's .part is not a cancelled one's to delete");
                t.resume();
            }
            t.await();
            assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(target));
        } finally {
            server.stop();
        }
    }

    @Test
    void aFreshDownloadOfAnotherSpellingMakesAPausedOneStartOver(@TempDir Path dir) throws Exception {
        S3Proxy server = server();
        Path source = dir.resolve("big.bin");
        byte[] data = new byte[20 << 20];
        new java.util.Random(5).nextBytes(data);
        Files.write(source, data);
        // 4 MB/s: the first download is paused with some of its pieces journalled.
        EngineOptions slow = EngineOptions.builder().journal(dir.resolve("j.db")).downloadLimit(4_000_000).build();
        try (S3Engine s3 = S3Engine.open(endpoint(server), slow)) {
            s3.createBucket("spell");
            s3.transfers().upload(source, "spell", "big.bin").await();
            Transfer first = s3.transfers().download("spell", "big.bin", dir.resolve("out/Photo.bin"));
            // Its spans run side by side, so a piece is journalled only once one of them is whole.
            until(() -> first.progress().transferredBytes() >= 17 << 20, "a piece or more journalled");
            first.pause();
            until(() -> first.state() == TransferState.PAUSED, "paused");
            // On macOS this is the same file, and its download writes the same .part.
            s3.transfers().setDownloadLimit(0);
            s3.transfers().download("spell", "big.bin", dir.resolve("out/photo.bin")).await();
            s3.transfers().setDownloadLimit(1_000_000);
            first.resume();
            until(() -> first.state() == TransferState.RUNNING && first.progress().totalBytes() > 0, "resumed");
            Thread.sleep(300);
            assertTrue(first.progress().transferredBytes() < 2 << 20, // kept pieces would count at once
                    "what the other spelling's .part may hold is not trusted: " + first.progress().transferredBytes());
            s3.transfers().setDownloadLimit(0);
            first.await();
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("out/Photo.bin")));
        } finally {
            server.stop();
        }
    }
}
