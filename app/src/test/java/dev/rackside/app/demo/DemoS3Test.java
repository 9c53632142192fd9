package dev.rackside.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.s3.BucketInfo;
import dev.rackside.s3.EngineOptions;
import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The demo S3 service starts on loopback, is seeded, and rejects anyone without its generated keys.
class DemoS3Test {

    @Test
    void startsSeededAndSigned() {
        long started = System.nanoTime();
        try (DemoS3 demo = DemoS3.start("Demo S3", EngineOptions.defaults())) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.getLogger("demo").log(System.Logger.Level.INFO, "demo S3 started and seeded in " + millis + " ms");
            assertTrue(millis < 15_000, "started in " + millis + " ms");
            assertEquals(List.of("iso-images", "templates", "vm-backups"),
                    demo.engine().listBuckets().stream().map(BucketInfo::name).sorted().toList());
            List<ObjectInfo> isos = demo.engine().objects("iso-images", "").toList();
            assertTrue(isos.stream().anyMatch(o -> o.key().equals("debian/debian-13.1-netinst.iso")));
            long total = demo.engine().listBuckets().stream()
                    .flatMap(b -> demo.engine().objects(b.name(), "")).mapToLong(ObjectInfo::size).sum();
            assertTrue(total > 100_000 && total < 1_000_000, "a few hundred KB, not " + total);
            assertTrue(demo.engine().head("iso-images", "debian/debian-13.1-netinst.iso").sha256().isPresent());
            assertTrue(demo.engine().head("iso-images", "README.txt").sha256().isEmpty());
            assertTrue(demo.endpoint().endpoint().orElseThrow().getHost().equals("127.0.0.1"));

            var stranger = dev.rackside.s3.S3Endpoint.builder("x").endpoint(demo.endpoint().endpoint().orElseThrow())
                    .pathStyle(true).staticKeys("AKIDSTRANGER", "not-the-secret").build();
            try (S3Engine other = S3Engine.open(stranger, EngineOptions.builder().maxAttempts(1).build())) {
                org.junit.jupiter.api.Assertions.assertThrows(S3EngineException.BadCredentials.class, other::listBuckets);
            }
        }
    }
}
