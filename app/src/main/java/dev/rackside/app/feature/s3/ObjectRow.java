package dev.rackside.app.feature.s3;

import dev.rackside.s3.ObjectInfo;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// One line of the object table: a "folder" (common prefix) or an object.
public final class ObjectRow {
    private final String key;
    private final String name;
    private final boolean folder;
    private final long size;
    private final Instant modified;
    private final String storageClass;
    private final ObjectProperty<ChecksumState> checksum;

    private ObjectRow(String key, String name, boolean folder, long size, Instant modified, String storageClass) {
        this.key = key;
        this.name = name;
        this.folder = folder;
        this.size = size;
        this.modified = modified;
        this.storageClass = storageClass;
        this.checksum = new SimpleObjectProperty<>(folder ? ChecksumState.NOT_APPLICABLE : ChecksumState.UNKNOWN);
    }

    /// A common prefix under `parent`, e.g. `debian/` under the bucket's root.
    static ObjectRow folder(String prefix, String parent) {
        return new ObjectRow(prefix, prefix.substring(parent.length()), true, -1, null, "");
    }

    /// An object; its name is its key relative to `parent` (it may contain `/` in search results).
    static ObjectRow object(ObjectInfo o, String parent) {
        return new ObjectRow(o.key(), o.key().substring(parent.length()), false, o.size(), o.lastModified(),
                o.storageClass() == null ? "STANDARD" : o.storageClass());
    }

    public String key() {
        return key;
    }

    /// The key relative to the current prefix; folders end with `/`.
    public String name() {
        return name;
    }

    public boolean isFolder() {
        return folder;
    }

    /// Bytes, or -1 for a folder.
    public long size() {
        return size;
    }

    public Optional<Instant> modified() {
        return Optional.ofNullable(modified);
    }

    public String storageClass() {
        return storageClass;
    }

    public ObjectProperty<ChecksumState> checksumProperty() {
        return checksum;
    }

    /// The last path segment: what a download names the local file or folder.
    public String baseName() {
        String n = folder ? key.substring(0, key.length() - 1) : key;
        return n.substring(n.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return key;
    }
}
