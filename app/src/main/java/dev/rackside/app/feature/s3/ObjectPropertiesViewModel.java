package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.ObjectMetadata;
import dev.rackside.s3.S3EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The "Properties…" of one object: content type and user metadata, saved together with one
/// server-side copy, and tags, loaded and saved on their own so that a server without tagging
/// (S3Proxy) still lets the operator edit the metadata.
///
/// Entries named `rackside-…` (the SHA-256 that end-to-end verification reads, the client-side
/// encryption marker) are shown read-only and always written back: dropping them would silently
/// turn those features off for the object.
public final class ObjectPropertiesViewModel {
    /// Metadata Rackside itself writes and reads back.
    static final String RESERVED_PREFIX = "rackside-";

    /// Where the tags stand: a server without tagging is a normal state, not a failure.
    public enum TagsState { LOADING, LOADED, UNSUPPORTED, FAILED }

    /// One editable line of the metadata or tags table.
    public static final class Entry {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty value = new SimpleStringProperty("");
        private final boolean readOnly;

        Entry(String name, String value, boolean readOnly) {
            this.name.set(name);
            this.value.set(value);
            this.readOnly = readOnly;
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public boolean readOnly() {
            return readOnly;
        }

        boolean blank() {
            return name.get().isBlank() && value.get().isBlank();
        }

        Map.Entry<String, String> pair() {
            return Map.entry(name.get().strip(), value.get());
        }
    }

    private final S3Session session;
    private final String bucket;
    private final String key;
    private final Background background;
    private final Notifier notifier;
    private final Messages text = Messages.of(ObjectPropertiesViewModel.class);
    private final StringProperty contentType = new SimpleStringProperty("");
    private final ObservableList<Entry> metadata = entries();
    private final ObservableList<Entry> tags = entries();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TagsState> tagsState = new ReadOnlyObjectWrapper<>(TagsState.LOADING);
    private final ReadOnlyStringWrapper tagsMessage = new ReadOnlyStringWrapper("");
    private final StringBinding problem;
    private String savedType = "";
    private Map<String, String> savedMetadata = Map.of();
    private Map<String, String> savedTags = Map.of();

    public ObjectPropertiesViewModel(S3Session session, String bucket, String key, Background background, Notifier notifier) {
        this.session = session;
        this.bucket = bucket;
        this.key = key;
        this.background = background;
        this.notifier = notifier;
        this.problem = Bindings.createStringBinding(() -> PropertyRules.metadataProblem(text, contentType.get().strip(), pairs(metadata))
                .or(() -> tagsState.get() == TagsState.LOADED ? PropertyRules.tagsProblem(text, pairs(tags)) : java.util.Optional.empty())
                .orElse(""), contentType, metadata, tags, tagsState);
    }

    private static ObservableList<Entry> entries() {
        // the extractor makes a typed character an update of the list, so the problem re-checks
        return FXCollections.observableArrayList(e -> new Observable[] {e.name, e.value});
    }

    public String key() {
        return key;
    }

    public StringProperty contentTypeProperty() {
        return contentType;
    }

    /// Rackside's read-only entries first, then the operator's, by name.
    public ObservableList<Entry> metadata() {
        return metadata;
    }

    public ObservableList<Entry> tags() {
        return tags;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TagsState> tagsStateProperty() {
        return tagsState.getReadOnlyProperty();
    }

    /// Why the tags cannot be edited ("This server does not support object tags."), or "".
    public ReadOnlyStringProperty tagsMessageProperty() {
        return tagsMessage.getReadOnlyProperty();
    }

    /// What S3 would refuse in the current input, for the operator; "" when it can be saved.
    public StringBinding problemProperty() {
        return problem;
    }

    /// Reads the metadata (one HEAD) and, separately, the tags.
    public void load() {
        background.submit(() -> session.engine().head(bucket, key), this::show,
                failure -> Failures.report(notifier, text, failure));
        tagsState.set(TagsState.LOADING);
        background.submit(() -> session.engine().tags(bucket, key), (Map<String, String> t) -> {
            savedTags = Map.copyOf(t);
            tags.setAll(new TreeMap<>(t).entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue(), false)).toList());
            tagsState.set(TagsState.LOADED);
        }, failure -> {
            Throwable t = Failures.unwrap(failure);
            tagsState.set(t instanceof S3EngineException.Unsupported ? TagsState.UNSUPPORTED : TagsState.FAILED);
            tagsMessage.set(t instanceof S3EngineException.Unsupported ? text.get("props.tags.unsupported")
                    : t instanceof S3EngineException ? t.getMessage() : text.get("error.unexpected", String.valueOf(t.getMessage())));
        });
    }

    private void show(ObjectMetadata m) {
        savedType = m.contentType() == null ? "" : m.contentType();
        savedMetadata = Map.copyOf(m.userMetadata());
        contentType.set(savedType);
        List<Entry> rows = new ArrayList<>();
        new TreeMap<>(m.userMetadata()).forEach((n, v) -> {
            if (reserved(n)) {
                rows.add(new Entry(n, v, true));
            }
        });
        new TreeMap<>(m.userMetadata()).forEach((n, v) -> {
            if (!reserved(n)) {
                rows.add(new Entry(n, v, false));
            }
        });
        metadata.setAll(rows);
        loaded.set(true);
    }

    static boolean reserved(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).startsWith(RESERVED_PREFIX);
    }

    /// A new empty metadata line, for the operator to fill in.
    public Entry addMetadata() {
        Entry e = new Entry("", "", false);
        metadata.add(e);
        return e;
    }

    /// A new empty tag line; null when S3's 10 tags are already there or tags cannot be edited.
    public Entry addTag() {
        if (tagsState.get() != TagsState.LOADED || tags.size() >= PropertyRules.MAX_TAGS) {
            return null;
        }
        Entry e = new Entry("", "", false);
        tags.add(e);
        return e;
    }

    /// Removes a metadata line or tag; Rackside's own entries stay.
    public void remove(Entry e) {
        if (e != null && !e.readOnly()) {
            metadata.remove(e);
            tags.remove(e);
        }
    }

    /// Writes what changed: metadata with a server-side copy, tags with their own request. Does
    /// nothing while there is a problem; `saved` runs once both are stored.
    public void save(Runnable saved) {
        if (!loaded.get() || saving.get() || !problem.get().isEmpty()) {
            return;
        }
        String type = contentType.get().strip();
        Map<String, String> meta = toMap(metadata);
        // whatever the table shows, Rackside's entries go back exactly as they were read
        savedMetadata.forEach((n, v) -> {
            if (reserved(n)) {
                meta.put(n, v);
            }
        });
        boolean metaChanged = !type.equals(savedType) || !meta.equals(savedMetadata);
        Map<String, String> newTags = toMap(tags);
        boolean tagsChanged = tagsState.get() == TagsState.LOADED && !newTags.equals(savedTags);
        saving.set(true);
        background.submit(() -> {
            if (metaChanged) {
                session.engine().updateMetadata(bucket, key, type, meta);
            }
            if (tagsChanged) {
                session.engine().setTags(bucket, key, newTags);
            }
            return metaChanged || tagsChanged;
        }, changed -> {
            saving.set(false);
            savedType = type;
            savedMetadata = Map.copyOf(meta);
            savedTags = Map.copyOf(newTags);
            notifier.info(text.get(changed ? "props.saved" : "props.unchanged", key));
            saved.run();
        }, failure -> {
            saving.set(false);
            Failures.report(notifier, text, failure);
        });
    }

    private static Map<String, String> toMap(List<Entry> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.blank()).map(Entry::pair).forEach(p -> out.put(p.getKey(), p.getValue()));
        return out;
    }

    private static List<Map.Entry<String, String>> pairs(List<Entry> entries) {
        return entries.stream().filter(e -> !e.blank()).map(Entry::pair).toList();
    }
}
