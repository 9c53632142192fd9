package dev.rackside.s3.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/// `--exclude`/`--include`, `sync --delete`, `--dryrun` and `--quiet` end to end, as aws-cli has them.
class CliFiltersTest extends CliTestBase {
    /// The keys under `prefix`, one per line of `ls --recursive`, without the prefix.
    static List<String> keys(String prefix) {
        Result ls = run("ls", "s3://cli/" + prefix, "--recursive");
        assertEquals(ls.out().isEmpty() ? 1 : 0, ls.code(), ls.err()); // 1: nothing there, as aws-cli
        assertEquals("", ls.err());
        return ls.out().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).sorted().toList();
    }

    static Path tree(Path dir) throws Exception {
        Path t = dir.resolve("media");
        file(t, "debian.iso", 3000);
        file(t, "notes.txt", 100);
        file(t, "old/alpine.iso", 2000);
        file(t, "old/readme.txt", 50);
        return t;
    }

    @Test
    void cpRecursiveTakesOnlyWhatTheFiltersSelectBothWays(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        Result up = run("cp", t.toString(), "s3://cli/f1/", "--recursive", "--exclude", "*", "--include", "*.iso",
                "--exclude", "old/*");
        assertEquals(0, up.code(), up.err());
        assertEquals(List.of("debian.iso"), keys("f1/"));
        assertEquals(0, run("cp", t.toString(), "s3://cli/f1b/", "--recursive").code());
        Path back = dir.resolve("back");
        Result down = run("cp", "s3://cli/f1b/", back.toString(), "--recursive", "--exclude", "*.txt");
        assertEquals(0, down.code(), down.err());
        assertTrue(Files.exists(back.resolve("old/alpine.iso")) && Files.exists(back.resolve("debian.iso")));
        assertFalse(Files.exists(back.resolve("notes.txt")) || Files.exists(back.resolve("old/readme.txt")));
    }

    @Test
    void dryRunPrintsWhatWouldHappenAndChangesNothing(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        Result dry = run("cp", t.toString(), "s3://cli/f2/", "--recursive", "--dryrun", "--exclude", "*.txt");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(List.of("(dryrun) upload: " + t.resolve("debian.iso") + " to s3://cli/f2/debian.iso",
                "(dryrun) upload: " + t.resolve("old/alpine.iso") + " to s3://cli/f2/old/alpine.iso"), dry.out().lines().toList());
        assertEquals(List.of(), keys("f2/"));
        assertEquals(0, run("cp", t.toString(), "s3://cli/f2/", "--recursive").code());
        Result rm = run("rm", "s3://cli/f2/", "--recursive", "--dryrun", "--exclude", "*.iso");
        assertEquals(List.of("(dryrun) delete: s3://cli/f2/notes.txt", "(dryrun) delete: s3://cli/f2/old/readme.txt"),
                rm.out().lines().sorted().toList());
        assertEquals(4, keys("f2/").size(), "nothing deleted");
        Path back = dir.resolve("back");
        Result down = run("sync", "s3://cli/f2/", back.toString(), "--dryrun");
        assertEquals(4, down.out().lines().filter(l -> l.startsWith("(dryrun) download: s3://cli/f2/")).count(), down.out());
        assertFalse(Files.exists(back));
    }

    @Test
    void syncDeleteRemovesWhatTheSourceLacksButNotWhatTheFiltersLeaveOut(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        assertEquals(0, run("sync", t.toString(), "s3://cli/f3/").code());
        Files.delete(t.resolve("notes.txt"));
        Files.delete(t.resolve("old/alpine.iso"));
        Result up = run("sync", t.toString(), "s3://cli/f3/", "--delete", "--exclude", "old/*");
        assertEquals(0, up.code(), up.err());
        assertEquals(List.of("delete: s3://cli/f3/notes.txt"), up.out().lines().toList());
        assertEquals(List.of("debian.iso", "old/alpine.iso", "old/readme.txt"), keys("f3/"), "old/ was left out");

        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/f3/", back.toString()).code());
        file(back, "extra.txt", 10);
        file(back, "old/mine.txt", 10);
        file(back, "debian.iso.part", 10); // a download that may still resume
        Result down = run("sync", "s3://cli/f3/", back.toString(), "--delete", "--exclude", "old/*", "--quiet");
        assertEquals(0, down.code(), down.err());
        assertEquals("", down.out(), "--quiet prints no line per file");
        assertFalse(Files.exists(back.resolve("extra.txt")));
        assertTrue(Files.exists(back.resolve("old/mine.txt")), "excluded files are not deleted");
        assertTrue(Files.exists(back.resolve("debian.iso.part")));
        assertTrue(Files.exists(back.resolve("debian.iso")));
    }

    @Test
    void rmRecursiveTakesTheKeyAsAFolderAndHonoursFilters(@TempDir Path dir) throws Exception {
        file(dir, "site/a.html", 10);
        file(dir, "site/b.css", 10);
        file(dir, "site-backup/a.html", 10);
        assertEquals(0, run("cp", dir.toString(), "s3://cli/f4/", "--recursive").code());
        Result rm = run("rm", "s3://cli/f4/site", "--recursive", "--exclude", "*.css");
        assertEquals(0, rm.code(), rm.err());
        assertEquals(List.of("delete: s3://cli/f4/site/a.html"), rm.out().lines().toList());
        assertEquals(0, run("rm", "s3://cli/f4/site", "--recursive").code());
        assertEquals(List.of("site-backup/a.html"), keys("f4/"), "a folder's namesake sibling is never touched");
    }

    @Test
    void deleteWithDryRunDeletesNothingEitherWay(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        assertEquals(0, run("sync", t.toString(), "s3://cli/f5/").code());
        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/f5/", back.toString()).code());
        Files.delete(t.resolve("notes.txt"));
        file(back, "extra.txt", 10);
        Result up = run("sync", t.toString(), "s3://cli/f5/", "--delete", "--dryrun");
        assertEquals(List.of("(dryrun) delete: s3://cli/f5/notes.txt"), up.out().lines().toList());
        Result down = run("sync", "s3://cli/f5/", back.toString(), "--delete", "--dryrun");
        assertEquals(List.of("(dryrun) delete: " + back.resolve("extra.txt")), down.out().lines().toList());
        assertEquals(4, keys("f5/").size());
        assertTrue(Files.exists(back.resolve("extra.txt")));
    }

    @Test
    void aFailedCopyLeavesEverythingUndeleted(@TempDir Path dir) throws Exception {
        file(dir, "src/a.txt", 10);
        file(dir, "src/b.txt", 20);
        assertEquals(0, run("sync", dir.resolve("src").toString(), "s3://cli/f6/").code());
        Path back = dir.resolve("back");
        file(back, "b.txt/blocker", 5); // a folder where b.txt must go: its download fails
        file(back, "z.txt", 5);
        Result down = run("sync", "s3://cli/f6/", back.toString(), "--delete");
        assertEquals(1, down.code(), down.out());
        assertTrue(down.err().contains("b.txt"), down.err());
        assertTrue(Files.exists(back.resolve("z.txt")), "nothing is deleted after a failed copy");
    }

    @Test
    void aSourceFolderThatIsASymbolicLinkIsFollowed(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        Path link = Files.createSymbolicLink(dir.resolve("link"), t);
        assertEquals(0, run("cp", link.toString(), "s3://cli/f7/", "--recursive").code());
        assertEquals(4, keys("f7/").size(), "the folder a link names is uploaded, not skipped as a link");
        Result sync = run("sync", link.toString(), "s3://cli/f7/", "--delete");
        assertEquals(0, sync.code(), sync.err());
        assertEquals("", sync.out(), "nothing changed: nothing sent, nothing deleted");
        assertEquals(4, keys("f7/").size());
    }

    @Test
    void aLocalFileThatIsAnObjectsFileByAnotherNameIsKept(@TempDir Path dir) throws Exception {
        file(dir, "src/Photo.JPG", 10);
        assertEquals(0, run("sync", dir.resolve("src").toString(), "s3://cli/f8/").code());
        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/f8/", back.toString()).code());
        // What a case-insensitive disk shows as one file, seen here as a second name of it.
        Files.createLink(back.resolve("alias.jpg"), back.resolve("Photo.JPG"));
        file(back, "photo.jpg", 10); // on macOS or Windows, this name is Photo.JPG's file
        file(back, "other.jpg", 10);
        Result down = run("sync", "s3://cli/f8/", back.toString(), "--delete");
        assertEquals(0, down.code(), down.err());
        assertEquals(List.of("delete: " + back.resolve("other.jpg")), down.out().lines().toList());
        assertTrue(Files.exists(back.resolve("alias.jpg")) && Files.exists(back.resolve("photo.jpg")));
        // A filter written like the key does not take "photo.jpg" here, but the object still owns it.
        Result filtered = run("sync", "s3://cli/f8/", back.toString(), "--delete", "--exclude", "Photo.JPG");
        assertEquals(0, filtered.code(), filtered.err());
        assertTrue(Files.exists(back.resolve("photo.jpg")), filtered.out());
    }

    @Test
    void linkedFoldersAreUploadedAndNeverDeletedThrough(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        Path elsewhere = file(dir, "elsewhere/kept.txt", 10).getParent();
        Files.createSymbolicLink(t.resolve("linked"), elsewhere);
        assertEquals(0, run("sync", t.toString(), "s3://cli/f9/").code());
        assertTrue(keys("f9/").contains("linked/kept.txt"), "a linked folder is uploaded, as aws-cli does");
        Result again = run("sync", t.toString(), "s3://cli/f9/", "--delete");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.out(), "the linked folder's objects are not taken for extras");

        Path back = dir.resolve("back");
        assertEquals(0, run("sync", "s3://cli/f9/", back.toString(), "--exclude", "linked/*").code());
        Path outside = file(dir, "outside/precious.txt", 10).getParent();
        Files.createSymbolicLink(back.resolve("mine"), outside); // a folder S3 does not have, elsewhere
        Result down = run("sync", "s3://cli/f9/", back.toString(), "--delete", "--exclude", "linked/*");
        assertEquals(0, down.code(), down.err());
        assertTrue(Files.exists(outside.resolve("precious.txt")), "nothing is deleted through a link: " + down.out());
    }

    @Test
    void aLinkLoopFailsTheWalkWithAMessageAndDeletesNothing(@TempDir Path dir) throws Exception {
        Path t = tree(dir);
        assertEquals(0, run("sync", t.toString(), "s3://cli/f12/").code());
        Files.createSymbolicLink(t.resolve("old/again"), t);
        Result sync = run("sync", t.toString(), "s3://cli/f12/", "--delete");
        assertEquals(1, sync.code(), sync.out());
        assertTrue(sync.err().contains("a symbolic link in it leads back into it"), sync.err());
        assertEquals(4, keys("f12/").size(), "nothing deleted");
    }

    @Test
    void anObjectThisComputerCannotHoldFailsItAloneAndStopsDeletion(@TempDir Path dir) throws Exception {
        file(dir, "src/good.txt", 10);
        assertEquals(0, run("cp", dir.resolve("src").toString(), "s3://cli/f10/", "--recursive").code());
        try (dev.rackside.s3.S3Engine s3 = dev.rackside.s3.S3Engine.open(endpoint(), dev.rackside.s3.EngineOptions.defaults())) {
            s3.transfers().upload(dir.resolve("src/good.txt"), "cli", "f10/at 10:30.txt").await(); // ':' is not for Windows
        }
        Path back = dir.resolve("back");
        file(back, "extra.txt", 5);
        Result down = run("sync", "s3://cli/f10/", back.toString(), "--delete");
        assertEquals(1, down.code(), down.out());
        assertTrue(down.err().contains("at 10:30.txt") && down.err().contains("nothing was deleted"), down.err());
        assertTrue(Files.exists(back.resolve("good.txt")), "the other objects still came");
        assertTrue(Files.exists(back.resolve("extra.txt")));
    }

    @Test
    void aDecomposedLocalNameIsTheObjectsFileAndItsFilterStillApplies(@TempDir Path dir) throws Exception {
        String nfc = "caf\u00e9";
        String nfd = "cafe\u0301"; // how macOS's disks may hand the same name out
        file(dir, "src/" + nfc + "/menu.txt", 10);
        assertEquals(0, run("sync", dir.resolve("src").toString(), "s3://cli/f11/").code());
        Path back = dir.resolve("back");
        file(back, nfd + "/menu.txt", 10);
        file(back, nfd + "/notes.txt", 10);
        Result down = run("sync", "s3://cli/f11/", back.toString(), "--delete", "--exclude", nfc + "/*");
        assertEquals(0, down.code(), down.err());
        assertEquals("", down.out(), "the pattern takes the decomposed names too: nothing deleted");
        assertTrue(Files.exists(back.resolve(nfd + "/notes.txt")));
    }
}
