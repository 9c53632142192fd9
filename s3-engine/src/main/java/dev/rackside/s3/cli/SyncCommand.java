package dev.rackside.s3.cli;

import dev.rackside.s3.ObjectInfo;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.SafePaths;
import dev.rackside.s3.Transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/// `sync SRC DST`: copies files that are missing on the other side, differ in size, or are newer
/// (aws-cli's rule). Deletes nothing.
final class SyncCommand {
    private final RacksideS3 root;
    private final String source;
    private final String target;

    SyncCommand(RacksideS3 root, String source, String target) {
        this.root = root;
        this.source = source;
        this.target = target;
    }

    void run() {
        try (S3Engine s3 = root.open()) {
            if (!S3Uri.is(source) && S3Uri.is(target)) {
                Batch.await(up(s3, Path.of(source), S3Uri.parse(target)), root.out, root.err);
            } else if (S3Uri.is(source) && !S3Uri.is(target)) {
                Batch.await(down(s3, S3Uri.parse(source), Path.of(target)), root.out, root.err);
            } else {
                throw new IllegalArgumentException("sync needs a local folder and an s3:// prefix.");
            }
        } catch (IOException e) {
            throw new S3EngineException.LocalFileProblem(Path.of(source), e.getMessage(), e);
        }
    }

    private List<Transfer> up(S3Engine s3, Path dir, S3Uri dst) throws IOException {
        Map<String, ObjectInfo> remote = remote(s3, dst);
        List<Transfer> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String key = dst.asPrefix() + dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                ObjectInfo o = remote.get(key);
                // S3 keeps whole seconds, and the upload ends after the file was written: allow 1 s.
                // Encrypted here, an object is larger than its file by the cipher's framing.
                if (o == null || o.size() != root.protection().storedSize(Files.size(f))
                        || Files.getLastModifiedTime(f).toInstant().isAfter(o.lastModified().plusSeconds(1))) {
                    out.add(s3.transfers().submit(root.protection().upload(f, dst.bucket(), key)));
                }
            }
        }
        return out;
    }

    private List<Transfer> down(S3Engine s3, S3Uri src, Path dir) throws IOException {
        List<Transfer> out = new ArrayList<>();
        for (ObjectInfo o : remote(s3, src).values()) {
            if (o.key().endsWith("/")) {
                continue;
            }
            Path local = SafePaths.resolve(dir, o.key().substring(src.asPrefix().length()));
            if (!Files.exists(local) || !root.protection().sameSize(Files.size(local), o.size())
                    || o.lastModified().isAfter(Files.getLastModifiedTime(local).toInstant().plusSeconds(1))) {
                out.add(s3.transfers().submit(root.protection().download(src.bucket(), o.key(), local)));
            }
        }
        return out;
    }

    private static Map<String, ObjectInfo> remote(S3Engine s3, S3Uri uri) {
        Map<String, ObjectInfo> map = new HashMap<>();
        s3.objects(uri.bucket(), uri.asPrefix()).forEach(o -> map.put(o.key(), o));
        return map;
    }

}
