package dev.rackside.s3.cli;

import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// The CLI end to end against a real S3 server, configured through aws-cli's variables.
class RacksideS3Test extends CliTestBase {
    @Test
    void copyUpListAndCopyDownLikeAwsCli(@TempDir Path dir) throws Exception {
        Path f = file(dir, "report.pdf", 200_000);
        Result up = run("cp", f.toString(), "s3://cli/docs/");
        assertEquals(0, up.code(), up.err());
        assertTrue(up.out().contains("upload: " + f + " to s3://cli/docs/report.pdf"), up.out());
        Result ls = run("ls", "s3://cli/docs/");
        assertTrue(ls.out().contains("report.pdf") && ls.out().contains("200000"), ls.out());
        assertTrue(run("ls").out().contains(" cli"), "buckets are listed");
        Path out = Files.createDirectories(dir.resolve("out"));
        Result down = run("cp", "s3://cli/docs/report.pdf", out.toString());
        assertEquals(0, down.code(), down.err());
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out.resolve("report.pdf")));
    }

    @Test
    void recursiveCopySyncAndRemove(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("site");
        file(tree, "index.html", 1000);
        file(tree, "img/logo.png", 5000);
        assertEquals(0, run("cp", tree.toString(), "s3://cli/site", "--recursive").code());
        Result first = run("sync", tree.toString(), "s3://cli/mirror/");
        assertEquals(2, first.out().lines().filter(l -> l.startsWith("upload:")).count(), first.out());
        Result again = run("sync", tree.toString(), "s3://cli/mirror/");
        assertEquals("", again.out(), "nothing changed, nothing copied");
        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/site/", back.toString()).code());
        assertArrayEquals(Files.readAllBytes(tree.resolve("img/logo.png")), Files.readAllBytes(back.resolve("img/logo.png")));
        Result rm = run("rm", "s3://cli/site/", "--recursive");
        assertEquals(2, rm.out().lines().filter(l -> l.startsWith("delete:")).count(), rm.out());
        assertFalse(run("ls", "s3://cli/", "--recursive").out().contains("site/"));
    }

    @Test
    void downloadsKeepTheObjectsTimeSoSyncingBackSendsNothing(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("iso");
        file(tree, "a.txt", 3000);
        file(tree, "deep/b.bin", 70_000);
        assertEquals(0, run("cp", tree.toString(), "s3://cli/aged", "--recursive").code());
        // The filesystem store serves its files' times as LastModified: age the objects a year.
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2025-01-02T03:04:05Z"));
        for (String k : new String[] {"aged/a.txt", "aged/deep/b.bin"}) {
            Files.setLastModifiedTime(store.resolve("cli").resolve(k), old);
        }
        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/aged/", back.toString()).code());
        Path single = dir.resolve("single.bin");
        assertEquals(0, run("cp", "s3://cli/aged/deep/b.bin", single.toString()).code());
        Path copied = dir.resolve("copied"); // cp --recursive takes the listed-object path (no HEAD)
        assertEquals(0, run("cp", "s3://cli/aged/", copied.toString(), "--recursive").code());
        for (Path p : new Path[] {back.resolve("a.txt"), back.resolve("deep/b.bin"), single, copied.resolve("a.txt")}) {
            assertEquals(old.toInstant(), Files.getLastModifiedTime(p).toInstant(), p + " keeps its object's time");
        }
        Result again = run("sync", back.toString(), "s3://cli/aged/");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.out(), "nothing was changed here, so nothing is sent back");
    }

    @Test
    void lsNamesWhatIsBelowThePrefixsLastSlashAndSumsUpInAwsCliUnits(@TempDir Path dir) throws Exception {
        file(dir, "dir/sub/a.txt", 1536);
        file(dir, "dir/subfile", 1);
        assertEquals(0, run("cp", dir.toString(), "s3://cli/l1/", "--recursive").code());
        assertEquals(1, run("ls", "s3://cli/l1/nothing-here").code(), "aws-cli's exit code for a key with nothing under it");
        Result partial = run("ls", "s3://cli/l1/dir/su");
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.out().contains("PRE sub/"), partial.out());
        assertTrue(partial.out().lines().anyMatch(l -> l.endsWith(" subfile") && l.contains("         1 ")), partial.out());
        Result sum = run("ls", "s3://cli/l1/", "--recursive", "--human-readable", "--summarize");
        assertTrue(sum.out().contains("   1.5 KiB l1/dir/sub/a.txt") && sum.out().contains("    1 Byte l1/dir/subfile"), sum.out());
        assertTrue(sum.out().endsWith("%nTotal Objects: 2%n   Total Size: 1.5 KiB%n".formatted()), sum.out());
        assertEquals("1023 Bytes", ListCommand.humanReadable(1023));
        assertEquals("1.0 KiB", ListCommand.humanReadable(1024));
        assertEquals("1.2 KiB", ListCommand.humanReadable(1280), "an exact tie rounds to even, as Python's %.1f");
        assertEquals("1.0 MiB", ListCommand.humanReadable(1024 * 1024 - 1), "rounds up into the next unit, as aws-cli");
        assertEquals("5.0 GiB", ListCommand.humanReadable(5L << 30));
    }

    @Test
    void syncSizeOnlyAndExactTimestamps(@TempDir Path dir) throws Exception {
        Path f = file(dir, "src/a.bin", 100);
        assertEquals(0, run("sync", dir.resolve("src").toString(), "s3://cli/t1/").code());
        Files.write(f, new byte[100]); // same size, new content, an hour newer
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(3600)));
        Result sizeOnly = run("sync", dir.resolve("src").toString(), "s3://cli/t1/", "--size-only");
        assertEquals(0, sizeOnly.code(), sizeOnly.err());
        assertEquals("", sizeOnly.out());
        assertTrue(run("sync", dir.resolve("src").toString(), "s3://cli/t1/").out().startsWith("upload:"));

        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/t1/", back.toString()).code());
        java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.from(
                Files.getLastModifiedTime(back.resolve("a.bin")).toInstant().plusSeconds(3600));
        Files.setLastModifiedTime(back.resolve("a.bin"), later);
        Result plain = run("sync", "s3://cli/t1/", back.toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals("", plain.out(), "the object is not newer");
        Result exact = run("sync", "s3://cli/t1/", back.toString(), "--exact-timestamps");
        assertTrue(exact.out().startsWith("download:"), exact.out());
        Result exactAgain = run("sync", "s3://cli/t1/", back.toString(), "--exact-timestamps");
        assertEquals(0, exactAgain.code(), exactAgain.err());
        assertEquals("", exactAgain.out(), "the download took the object's time, so it is now exactly the same");
    }

    @Test
    void repeatingAnInterruptedCopyResumesIt(@TempDir Path dir) throws Exception {
        Path big = file(dir, "disk.img", 15 * 1024 * 1024);
        EngineOptions slow = EngineOptions.builder().journal(home.resolve("journal.db")).uploadLimit(8_000_000).build();
        try (S3Engine s3 = S3Engine.open(endpoint(), slow)) {
            Transfer t = s3.transfers().upload(big, "cli", "disk.img");
            while (t.progress().transferredBytes() < 9 * 1024 * 1024) {
                Thread.sleep(10);
            }
            t.pause(); // what a crash leaves: a journal entry and stored parts
        }
        Result resumed = run("cp", big.toString(), "s3://cli/disk.img");
        assertEquals(0, resumed.code(), resumed.err());
        try (S3Engine s3 = S3Engine.open(endpoint(), EngineOptions.defaults())) {
            assertTrue(s3.incompleteUploads("cli", "disk.img").isEmpty(), "the same upload was completed, not a new one");
            assertEquals(Files.size(big), s3.head("cli", "disk.img").size());
        }
    }

    @Test
    void errorsAreReadableAndExitNonZero() {
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("AWS_SECRET_ACCESS_KEY", "nope");
        Result r = run(wrong, "ls", "s3://cli/");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("secret key does not match"), r.err());
        assertEquals(1, run("cp", "a", "b").code());
    }

    @Test
    void namesAnSlf4jProviderThatShipsWithTheJar() throws Exception {
        // A missing class made SLF4J print a ClassNotFoundException stack trace on every start.
        Class<?> spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
        assertTrue(spi.isAssignableFrom(Class.forName(RacksideS3.SLF4J_PROVIDER)));
    }
}
