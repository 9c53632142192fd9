package dev.rackside.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Whole folders copied, moved and deleted server-side on S3Proxy, the listing streamed.
class FoldersTest {
    static S3ProxyServer server;
    static S3Engine engine;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.inMemory();
        engine = S3Engine.open(server.endpoint(), S3ProxyServer.fastOptions().build());
        engine.createBucket("src");
        engine.createBucket("dst");
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    private static void put(String bucket, String key, String body) {
        engine.putBytes(bucket, key, body.getBytes(StandardCharsets.UTF_8), "text/plain", Encryption.none());
    }

    private static List<String> keys(String bucket, String prefix) {
        return engine.objects(bucket, prefix).map(ObjectInfo::key).sorted().toList();
    }

    @Test
    void aFolderIsCopiedWithItsStructureToAnotherBucket() {
        put("src", "lab/seed/user-data", "u");
        put("src", "lab/seed/vendor/net.yaml", "n");
        put("src", "lab/readme", "r");
        put("src", "labs-other/x", "not inside lab/");
        engine.updateMetadata("src", "lab/readme", "text/markdown", Map.of("owner", "ops"));
        List<String> heard = new ArrayList<>();
        long n = engine.copyFolder("src", "lab", "dst", "copies/lab/", heard::add);
        assertEquals(3, n);
        assertEquals(List.of("lab/readme", "lab/seed/user-data", "lab/seed/vendor/net.yaml"), heard.stream().sorted().toList());
        assertEquals(List.of("copies/lab/readme", "copies/lab/seed/user-data", "copies/lab/seed/vendor/net.yaml"),
                keys("dst", "copies/"));
        assertEquals("ops", engine.head("dst", "copies/lab/readme").userMetadata().get("owner"));
        assertEquals(4, keys("src", "").stream().filter(k -> k.startsWith("lab")).count(), "a copy leaves the source");
    }

    @Test
    void aFolderIsMovedAndRenamedWithinTheBucket() {
        put("src", "move/a", "a");
        put("src", "move/deep/b", "b");
        long n = engine.moveFolder("src", "move/", "src", "moved/", k -> { });
        assertEquals(2, n);
        assertEquals(List.of(), keys("src", "move/"));
        assertEquals(List.of("moved/a", "moved/deep/b"), keys("src", "moved/"));
    }

    @Test
    void aFolderCannotGoIntoItself() {
        put("src", "self/a", "a");
        var e = assertThrows(S3EngineException.InvalidTarget.class,
                () -> engine.moveFolder("src", "self/", "src", "self/inner/", k -> { }));
        assertTrue(e.getMessage().contains("into itself"), e.getMessage());
        assertEquals(List.of("self/a"), keys("src", "self/"), "nothing was touched");
        // The same name in another bucket is no loop.
        assertEquals(1, engine.copyFolder("src", "self/", "dst", "self/inner/", k -> { }));
    }

    @Test
    void deletingAFolderOfMoreThanOneBatchDeletesItAll() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 1_003; i++) {
                int n = i;
                pool.submit(() -> put("src", "many/k" + n, ""));
            }
        }
        put("src", "many-not/kept", "k");
        DeleteResult r = engine.deletePrefix("src", "many/");
        assertEquals(1_003, r.deleted().size());
        assertEquals(Map.of(), r.failed());
        assertEquals(List.of(), keys("src", "many/"));
        assertEquals(List.of("many-not/kept"), keys("src", "many-not/"));
    }
}
