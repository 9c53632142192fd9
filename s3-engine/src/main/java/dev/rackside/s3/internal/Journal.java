package dev.rackside.s3.internal;

import dev.rackside.s3.S3EngineException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;

/// The crash-safe record of every unfinished transfer: SQLite in WAL mode, one row per
/// transfer, one per stored part (upload) and per written range (download). Every row is
/// committed before the work it describes is considered done, so after `kill -9` a transfer
/// resumes from exactly what the journal lists (and, for uploads, what ListParts confirms).
public final class Journal implements AutoCloseable {

    /// One journalled transfer. `kind` is `UPLOAD` or `DOWNLOAD`; `stamp` is the local file's
    /// mtime (uploads) or the remote ETag (downloads), to notice a changed source; `nonce` is the
    /// client-side encryption's nonce prefix (hex), kept so a resumed upload encrypts alike;
    /// `adopted` is null for an upload this engine began, and for one another tool began
    /// ([AdoptedUpload]) its part checksum algorithm ("" for none): such an upload is never aborted.
    public record Entry(String id, String kind, String bucket, String key, String local, long size, String stamp,
                        long partSize, String uploadId, String sha256, String sse, String nonce, String adopted) {
        /// Whether it holds a multipart upload that is this engine's to abort when the transfer is
        /// given up: one it began, never another tool's (adopted, or still to be checked).
        public boolean abortable() {
            return uploadId != null && adopted == null;
        }
    }

    /// A transfer that was asked for but may not have stored anything yet (queued, or a small file in
    /// one request): kept so a quit or crash does not forget the rest of a big folder.
    public record Queued(String id, String kind, String bucket, String key, String local, String sse) {
    }

    /// A stored part of a multipart upload.
    public record Part(int number, String etag, String crc32c, long size) {
    }

    private final Connection db;
    // Statements are compiled once: a folder of 2,000 small files runs the same few per file, and
    // compiling one took about as long as running it. Only used under this object's lock.
    private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();

    public Journal(Optional<Path> file) {
        try {
            if (file.isPresent() && file.get().getParent() != null) {
                Files.createDirectories(file.get().getParent());
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + file.map(Path::toString).orElse(":memory:"));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS transfer(id TEXT PRIMARY KEY, kind TEXT NOT NULL, bucket TEXT NOT NULL,"
                        + " key TEXT NOT NULL, local TEXT NOT NULL, size INTEGER, stamp TEXT, part_size INTEGER, upload_id TEXT,"
                        + " sha256 TEXT, sse TEXT, nonce TEXT, UNIQUE(kind, bucket, key, local))");
                s.execute("CREATE TABLE IF NOT EXISTS part(transfer_id TEXT NOT NULL, number INTEGER NOT NULL, etag TEXT NOT NULL,"
                        + " crc32c TEXT, size INTEGER NOT NULL, PRIMARY KEY(transfer_id, number))");
                s.execute("CREATE TABLE IF NOT EXISTS range(transfer_id TEXT NOT NULL, start INTEGER NOT NULL,"
                        + " end INTEGER NOT NULL, PRIMARY KEY(transfer_id, start))");
                if (addColumn(s, "transfer", "adopted TEXT")) { // journals written before adoption existed
                    s.execute("UPDATE transfer SET adopted='' WHERE stamp='" + AdoptedUpload.PENDING + "'");
                }
                s.execute("CREATE TABLE IF NOT EXISTS queued(id TEXT PRIMARY KEY, kind TEXT NOT NULL, bucket TEXT NOT NULL,"
                        + " key TEXT NOT NULL, local TEXT NOT NULL, sse TEXT, UNIQUE(kind, bucket, key, local))");
            }
        } catch (Exception e) {
            throw new S3EngineException.LocalFileProblem(file.orElse(Path.of(":memory:")),
                    "the transfer journal cannot be opened (" + e.getMessage() + ")", e);
        }
    }

    /// Adds `column` to `table` unless it is there; true when added here.
    private static boolean addColumn(Statement s, String table, String column) throws SQLException {
        String name = column.substring(0, column.indexOf(' '));
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (name.equals(rs.getString("name"))) {
                    return false;
                }
            }
        }
        try {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column);
            return true;
        } catch (SQLException e) {
            // Another process sharing the journal (two rackside-s3 runs) added it meanwhile.
            if (String.valueOf(e.getMessage()).contains("duplicate column")) {
                return false;
            }
            throw e;
        }
    }

    /// Opens the journal on a thread of its own, so the caller can build the S3 clients meanwhile:
    /// each takes about 0.1 s of a command-line start, and they need nothing from each other.
    /// [Futures#join] gives the journal or rethrows what opening it threw.
    public static FutureTask<Journal> openInBackground(Optional<Path> file) {
        return Futures.inBackground("rackside-journal-open", () -> new Journal(file));
    }

    public synchronized Optional<Entry> find(String kind, String bucket, String key, String local) {
        return query("SELECT * FROM transfer WHERE kind=? AND bucket=? AND key=? AND local=?", kind, bucket, key, local)
                .stream().findFirst();
    }

    public synchronized List<Entry> all() {
        return query("SELECT * FROM transfer ORDER BY rowid");
    }

    /// The ids of the multipart uploads the entries hold.
    public synchronized java.util.Set<String> uploadIds() {
        return all().stream().map(Entry::uploadId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public synchronized void put(Entry e) {
        update("INSERT OR REPLACE INTO transfer(id, kind, bucket, key, local, size, stamp, part_size, upload_id, sha256, sse,"
                + " nonce, adopted) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", e.id(), e.kind(), e.bucket(), e.key(), e.local(), e.size(),
                e.stamp(), e.partSize(), e.uploadId(), e.sha256(), e.sse(), e.nonce(), e.adopted());
    }

    /// Forgets a transfer and its parts and ranges (done, cancelled, or restarting).
    public synchronized void remove(String id) {
        update("DELETE FROM part WHERE transfer_id=?", id);
        update("DELETE FROM range WHERE transfer_id=?", id);
        update("DELETE FROM transfer WHERE id=?", id);
    }

    public synchronized void queue(Queued q) {
        update("INSERT OR IGNORE INTO queued(id, kind, bucket, key, local, sse) VALUES(?,?,?,?,?,?)",
                q.id(), q.kind(), q.bucket(), q.key(), q.local(), q.sse());
    }

    /// [#queue] for many transfers in one transaction (a folder's worth: one commit, not one each).
    public synchronized void queueAll(List<Queued> all) {
        if (!all.isEmpty()) {
            inTransaction(() -> all.forEach(this::queue));
        }
    }

    /// Forgets a queued transfer once it completed or was cancelled.
    public synchronized void unqueue(String kind, String bucket, String key, String local) {
        update("DELETE FROM queued WHERE kind=? AND bucket=? AND key=? AND local=?", kind, bucket, key, local);
    }

    public synchronized List<Queued> queued() {
        List<Queued> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, kind, bucket, key, local, sse FROM queued ORDER BY rowid")) {
            while (rs.next()) {
                out.add(new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized void clearProgress(String id) {
        update("DELETE FROM part WHERE transfer_id=?", id);
        update("DELETE FROM range WHERE transfer_id=?", id);
    }

    public synchronized void addPart(String id, Part p) {
        update("INSERT OR REPLACE INTO part VALUES(?,?,?,?,?)", id, p.number(), p.etag(), p.crc32c(), p.size());
    }

    public synchronized TreeMap<Integer, Part> parts(String id) {
        TreeMap<Integer, Part> out = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT number, etag, crc32c, size FROM part WHERE transfer_id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new Part(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized void addRange(String id, long start, long end) {
        update("INSERT OR REPLACE INTO range VALUES(?,?,?)", id, start, end);
    }

    /// Journals many written ranges (start, end) in one transaction: one commit instead of one each.
    public synchronized void addRanges(String id, java.util.List<long[]> ranges) {
        inTransaction(() -> ranges.forEach(r -> update("INSERT OR REPLACE INTO range VALUES(?,?,?)", id, r[0], r[1])));
    }

    // Caller holds this. Runs `work` (statements through update()) as one transaction.
    private void inTransaction(Runnable work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (RuntimeException | SQLException e) {
                try {
                    db.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /// Written ranges as start → end (exclusive).
    public synchronized TreeMap<Long, Long> ranges(String id) {
        TreeMap<Long, Long> out = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT start, end FROM range WHERE transfer_id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private List<Entry> query(String sql, Object... args) {
        try {
            PreparedStatement ps = statement(sql);
            bind(ps, args);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString("id"), rs.getString("kind"), rs.getString("bucket"), rs.getString("key"),
                            rs.getString("local"), rs.getLong("size"), rs.getString("stamp"), rs.getLong("part_size"),
                            rs.getString("upload_id"), rs.getString("sha256"), rs.getString("sse"), rs.getString("nonce"),
                            rs.getString("adopted")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void update(String sql, Object... args) {
        try {
            PreparedStatement ps = statement(sql);
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static S3EngineException failure(SQLException e) {
        return new S3EngineException.LocalFileProblem(Path.of("transfer journal"), e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            db.close();
        } catch (SQLException ignored) {
            // nothing left to save: every change was committed when it was made
        }
    }
}
