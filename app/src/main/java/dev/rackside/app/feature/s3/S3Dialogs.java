package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.ObjectVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/// [S3Prompts] as dialogs owned by the main window. Destructive questions default to Cancel.
final class S3Dialogs implements S3Prompts {
    private static final int LISTED = 8;

    private final Messages text;
    private final Supplier<Window> owner;

    S3Dialogs(Messages text, Supplier<Window> owner) {
        this.text = text;
        this.owner = owner;
    }

    @Override
    public boolean confirmDelete(List<String> names) {
        return confirm(text.get("confirm.delete.title"), text.get("confirm.delete.header", names.size()),
                listed(names) + "\n\n" + text.get("confirm.delete.body"), text.get("action.delete"), true);
    }

    @Override
    public boolean confirmReplaceObjects(String where, List<String> names) {
        return confirmReplace(where, names, "confirm.replace.objects");
    }

    @Override
    public boolean confirmReplaceFiles(String where, List<String> names) {
        return confirmReplace(where, names, "confirm.replace.files");
    }

    private boolean confirmReplace(String where, List<String> names, String bodyKey) {
        return confirm(text.get("confirm.replace.title"), text.get("confirm.replace.header", names.size(), where),
                listed(names) + "\n\n" + text.get(bodyKey), text.get("confirm.replace.ok"), true);
    }

    private String listed(List<String> names) {
        String listed = names.stream().limit(LISTED).collect(Collectors.joining("\n"));
        return names.size() > LISTED ? listed + "\n" + text.get("confirm.more", names.size() - LISTED) : listed;
    }

    @Override
    public Optional<NewBucket> askNewBucket(String region, boolean aws) {
        return NewBucketDialog.ask(text, owner.get(), region, aws);
    }

    @Override
    public boolean confirmDeleteBucket(String bucket) {
        return confirm(text.get("bucket.delete.title"), text.get("bucket.delete.header", bucket),
                text.get("bucket.delete.body"), text.get("action.delete"), true);
    }

    @Override
    public Optional<Target> askTarget(TargetKind kind, String bucket, String key, List<String> buckets) {
        return target(kind, text.get("target.title." + kind.name()), key, text.get("target.key"), bucket, key, buckets, false);
    }

    @Override
    public Optional<Target> askFolderTarget(TargetKind kind, String bucket, String prefix, int count, List<String> buckets) {
        return target(kind, text.get("target.many.title." + kind.name(), count), text.get("target.many.header", count),
                text.get("target.folder"), bucket, prefix, buckets, true);
    }

    private Optional<Target> target(TargetKind kind, String title, String header, String keyLabel, String bucket, String key,
                                    List<String> buckets, boolean folder) {
        Dialog<Target> d = new Dialog<>();
        own(d);
        d.setTitle(title);
        d.setHeaderText(header);
        ButtonType ok = new ButtonType(text.get("target.ok." + kind.name()), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        ComboBox<String> bucketBox = new ComboBox<>();
        bucketBox.getItems().setAll(buckets);
        bucketBox.setValue(bucket);
        bucketBox.setDisable(kind == TargetKind.RENAME); // S3 renames within a bucket
        bucketBox.setMaxWidth(Double.MAX_VALUE);
        TextField keyField = new TextField(key);
        keyField.setId("s3-target-key");
        keyField.setPrefColumnCount(40);
        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label(text.get("target.bucket")), bucketBox);
        grid.addRow(1, new Label(keyLabel), keyField);
        d.getDialogPane().setContent(grid);
        if (!folder) { // an empty folder is the bucket's root; an empty key names nothing
            d.getDialogPane().lookupButton(ok).disableProperty().bind(keyField.textProperty().isEmpty());
        }
        Platform.runLater(() -> {
            keyField.requestFocus();
            // the name, not the folders above it, is what usually changes; a folder's name ends before its slash
            String name = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
            keyField.selectRange(name.lastIndexOf('/') + 1, name.length());
        });
        d.setResultConverter(b -> b == ok ? new Target(bucketBox.getValue(), keyField.getText().strip()) : null);
        return d.showAndWait();
    }

    @Override
    public Optional<Duration> askLinkExpiry(String key) {
        List<Expiry> choices = expiries();
        ChoiceDialog<Expiry> d = new ChoiceDialog<>(choices.get(1), choices);
        own(d);
        d.setTitle(text.get("link.title"));
        d.setHeaderText(text.get("link.header", key));
        d.setContentText(text.get("link.expiry"));
        return d.showAndWait().map(Expiry::duration);
    }

    @Override
    public Optional<UploadLink> askUploadLink(String bucket, String prefix) {
        Dialog<UploadLink> d = new Dialog<>();
        own(d);
        d.setTitle(text.get("uploadLink.title"));
        d.setHeaderText(text.get("uploadLink.header", bucket));
        ButtonType ok = new ButtonType(text.get("uploadLink.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        TextField keyField = new TextField(prefix);
        keyField.setId("s3-upload-link-key");
        keyField.setPrefColumnCount(40);
        ComboBox<Expiry> expiry = new ComboBox<>();
        expiry.getItems().setAll(expiries());
        expiry.setValue(expiry.getItems().get(1));
        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label(text.get("target.key")), keyField);
        grid.addRow(1, new Label(text.get("link.expiry")), expiry);
        d.getDialogPane().setContent(grid);
        // a folder is no key: the link needs the name the object will have
        d.getDialogPane().lookupButton(ok).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> keyField.getText().isBlank() || keyField.getText().endsWith("/"), keyField.textProperty()));
        Platform.runLater(() -> {
            keyField.requestFocus();
            keyField.end();
        });
        d.setResultConverter(b -> b == ok ? new UploadLink(keyField.getText().strip(), expiry.getValue().duration()) : null);
        return d.showAndWait();
    }

    @Override
    public boolean confirmRestore(String key, ObjectVersion version) {
        return confirm(text.get("restore.title"), text.get("restore.header", key),
                text.get("restore.body", version.versionId()), text.get("restore.ok"), false);
    }

    @Override
    public boolean confirmVersioning(String bucket, boolean enable) {
        String kind = enable ? "enable" : "suspend";
        return confirm(text.get("versioning.title"), text.get("versioning.header." + kind, bucket),
                text.get("versioning.body." + kind), text.get("versioning.ok." + kind), !enable);
    }

    @Override
    public boolean confirmAbort(List<String> keys) {
        String listed = keys.stream().limit(LISTED).collect(Collectors.joining("\n"));
        if (keys.size() > LISTED) {
            listed += "\n" + text.get("confirm.more", keys.size() - LISTED);
        }
        return confirm(text.get("uploads.abort.title"), text.get("uploads.abort.header", keys.size()),
                listed + "\n\n" + text.get("uploads.abort.body"), text.get("uploads.abort"), true);
    }

    private List<Expiry> expiries() {
        return List.of(new Expiry(Duration.ofMinutes(15), text.get("expiry.minutes", 15)),
                new Expiry(Duration.ofHours(1), text.get("expiry.hours", 1)),
                new Expiry(Duration.ofHours(24), text.get("expiry.days", 1)),
                new Expiry(ObjectActions.MAX_LINK, text.get("expiry.days", 7)));
    }

    private record Expiry(Duration duration, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /// A question whose safe answer, Cancel, is the default: Enter never changes anything by accident.
    private boolean confirm(String title, String header, String body, String verb, boolean destructive) {
        ButtonType yes = new ButtonType(verb, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, body, yes, ButtonType.CANCEL);
        own(alert);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.getStyleClass().add(destructive ? Styles.DANGER : Styles.ACCENT);
        yesButton.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private void own(Dialog<?> d) {
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
    }
}
