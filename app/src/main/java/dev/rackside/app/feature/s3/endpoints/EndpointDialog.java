package dev.rackside.app.feature.s3.endpoints;

import atlantafx.base.theme.Styles;
import dev.rackside.app.feature.s3.endpoints.EndpointFormModel.Source;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.profiles.ProviderPreset;
import dev.rackside.s3.profiles.UploadEncryption;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Adds or edits an S3 endpoint: the service (a preset fills in its usual settings), where it is,
/// where the credentials come from, and a Test button that runs the engine's connection test and
/// shows its diagnosis before anything is saved. Enter saves, Esc cancels.
public final class EndpointDialog extends Dialog<Boolean> {
    public static final String NAME_ID = "s3ep-name";
    public static final String PRESET_ID = "s3ep-preset";
    public static final String URL_ID = "s3ep-url";
    public static final String REGION_ID = "s3ep-region";
    public static final String PATH_STYLE_ID = "s3ep-path-style";
    public static final String ACCESS_KEY_ID = "s3ep-access-key";
    public static final String SECRET_ID = "s3ep-secret";
    public static final String TEST_ID = "s3ep-test";
    public static final String DIAGNOSIS_ID = "s3ep-diagnosis";
    public static final String SAVE_ID = "s3ep-save";
    public static final String ENCRYPTION_ID = "s3ep-encryption";
    public static final String CLIENT_KEY_ID = "s3ep-client-key";

    private final Messages m = Messages.of(EndpointDialog.class);
    private final GridPane grid = new GridPane(12, 8);

    public EndpointDialog(Window owner, EndpointFormModel form) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(m.get(form.isEditing() ? "dialog.titleEdit" : "dialog.titleAdd"));
        setHeaderText(null);

        ComboBox<ProviderPreset> preset = new ComboBox<>();
        preset.setId(PRESET_ID);
        preset.getItems().setAll(ProviderPreset.values());
        preset.valueProperty().bindBidirectional(form.preset);
        TextField url = field(form.endpoint, URL_ID);
        url.promptTextProperty().bind(form.endpointHint);
        url.setPrefColumnCount(28);
        CheckBox pathStyle = new CheckBox(m.get("dialog.pathStyle"));
        pathStyle.setId(PATH_STYLE_ID);
        pathStyle.selectedProperty().bindBidirectional(form.pathStyle);

        ToggleGroup sources = new ToggleGroup();
        HBox sourceBox = new HBox(12, radio(m.get("dialog.sourceKeys"), sources, form.source, Source.KEYS, "s3ep-source-keys"),
                radio(m.get("dialog.sourceProfile"), sources, form.source, Source.AWS_PROFILE, "s3ep-source-profile"),
                radio(m.get("dialog.sourceRole"), sources, form.source, Source.ASSUME_ROLE, "s3ep-source-role"));
        ToggleGroup bases = new ToggleGroup();
        HBox baseBox = new HBox(12, radio(m.get("dialog.baseKeys"), bases, form.roleBase, Source.KEYS, "s3ep-base-keys"),
                radio(m.get("dialog.baseProfile"), bases, form.roleBase, Source.AWS_PROFILE, "s3ep-base-profile"));

        PasswordField secret = new PasswordField();
        secret.setId(SECRET_ID);
        secret.textProperty().bindBidirectional(form.secretKey);
        if (form.isEditing()) {
            secret.setPromptText(m.get("dialog.secretKeep"));
        }
        ComboBox<String> profile = new ComboBox<>();
        profile.setId("s3ep-aws-profile");
        profile.setEditable(true);
        profile.getItems().setAll(form.awsProfileNames());
        profile.valueProperty().bindBidirectional(form.awsProfile);
        profile.setPromptText(m.get(form.awsProfileNames().isEmpty() ? "dialog.profileNone" : "dialog.profilePrompt"));

        row(0, "dialog.name", field(form.name, NAME_ID));
        row(1, "dialog.preset", preset);
        row(2, "dialog.url", url);
        row(3, "dialog.region", field(form.region, REGION_ID));
        grid.add(pathStyle, 1, 4);
        grid.addRow(5, caption(m.get("dialog.source"), null), sourceBox);
        List<Row> role = List.of(row(6, "dialog.roleArn", field(form.roleArn, "s3ep-role-arn")),
                row(7, "dialog.sessionName", field(form.sessionName, "s3ep-session-name")),
                row(8, "dialog.externalId", field(form.externalId, "s3ep-external-id")),
                row(9, "dialog.roleBase", baseBox));
        List<Row> keys = List.of(row(10, "dialog.accessKey", field(form.accessKeyId, ACCESS_KEY_ID)), row(11, "dialog.secret", secret));
        Row profileRow = row(12, "dialog.profile", profile);
        Label encryptionNote = encryptionRows(form.encryption);
        row(16, "dialog.testBucket", field(form.testBucket, "s3ep-test-bucket"));
        ((TextField) grid.lookup("#s3ep-test-bucket")).setPromptText(m.get("dialog.testBucketPrompt"));

        Label keychain = wrapped(form.keychainProblem(), Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Runnable showSource = () -> {
            role.forEach(r -> r.show(form.source.get() == Source.ASSUME_ROLE));
            keys.forEach(r -> r.show(form.needsSecret()));
            profileRow.show(!form.needsSecret());
            show(keychain, form.needsSecret() && !form.keychainProblem().isEmpty());
        };
        form.source.addListener((o, a, b) -> showSource.run());
        form.roleBase.addListener((o, a, b) -> showSource.run());
        showSource.run();

        // One button that becomes "Stop testing": disabling or hiding the focused button would move the
        // focus to Cancel, and Enter would then cancel the dialog instead of saving it.
        Button test = new Button();
        test.setId(TEST_ID);
        test.textProperty().bind(javafx.beans.binding.Bindings.when(form.testingProperty())
                .then(m.get("dialog.cancelTest")).otherwise(m.get("dialog.test")));
        test.setOnAction(e -> {
            if (form.testingProperty().get()) {
                form.cancelTest();
            } else {
                form.test();
            }
        });
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(form.testingProperty());
        HBox testBox = new HBox(8, test, progress);
        testBox.setAlignment(Pos.CENTER_LEFT);
        Label diagnosis = wrapped("");
        diagnosis.setId(DIAGNOSIS_ID);
        diagnosis.textProperty().bind(form.diagnosis);
        form.tone.addListener((o, was, now) -> {
            diagnosis.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now != EndpointFormModel.Tone.NEUTRAL) {
                diagnosis.getStyleClass().add(now == EndpointFormModel.Tone.SUCCESS ? Styles.SUCCESS : Styles.DANGER);
            }
        });

        VBox content = new VBox(12, grid, encryptionNote, keychain, new VBox(8, testBox, diagnosis));
        // AtlantaFX pads a header-less dialog's content on three sides only (its left edge touched the frame).
        content.setPadding(new javafx.geometry.Insets(14, 14, 0, 14));
        getDialogPane().setMaxWidth(680); // the theme's 600 px would cut the padded form's right edge
        getDialogPane().setContent(content);
        ButtonType save = new ButtonType(m.get("dialog.save"), ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId(SAVE_ID);
        saveButton.setDefaultButton(true);
        // Invalid input keeps the dialog open, with the reason where the test result goes.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.save(() -> { })) {
                e.consume();
            }
        });
        Button cancelButton = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        // Enter saves from anywhere, also from the Test button (Space or Alt+T test), except on Cancel
        // or in an open drop-down list, where it keeps its usual meaning.
        getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Node focus = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getFocusOwner();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && focus != cancelButton
                    && !(focus instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing())) {
                e.consume();
                saveButton.fire();
            }
        });
        setOnHidden(e -> form.cancelTest());
        setResultConverter(b -> b == save);
    }

    /// Rows 13 to 15: how uploads are encrypted, SSE-KMS's key id, and the client-side key with
    /// "New key" and "Copy key". Returns the note that says what the choice means.
    private Label encryptionRows(EncryptionFields e) {
        ComboBox<UploadEncryption.Mode> mode = new ComboBox<>();
        mode.setId(ENCRYPTION_ID);
        mode.getItems().setAll(UploadEncryption.Mode.values());
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(UploadEncryption.Mode m) {
                return m == null ? "" : EndpointDialog.this.m.get("encryption.mode." + m.name());
            }

            @Override
            public UploadEncryption.Mode fromString(String s) {
                return null; // not editable
            }
        });
        mode.valueProperty().bindBidirectional(e.mode);
        row(13, "dialog.encryption", mode);
        TextField kms = field(e.kmsKeyId, "s3ep-kms-key");
        kms.setPromptText(m.get("dialog.kmsKeyPrompt"));
        Row kmsRow = row(14, "dialog.kmsKey", kms);
        PasswordField key = new PasswordField();
        key.setId(CLIENT_KEY_ID);
        key.textProperty().bindBidirectional(e.key);
        key.setPromptText(m.get("dialog.clientKeyPrompt"));
        HBox.setHgrow(key, javafx.scene.layout.Priority.ALWAYS);
        Button fresh = new Button(m.get("dialog.newKey"));
        fresh.setId("s3ep-new-key");
        fresh.setOnAction(a -> e.newKey());
        Button copy = new Button(m.get("dialog.copyKey"));
        copy.setId("s3ep-copy-key");
        copy.setOnAction(a -> e.keyToCopy().ifPresent(k -> {
            var content = new javafx.scene.input.ClipboardContent();
            content.putString(k);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }));
        HBox keyBox = new HBox(8, key, fresh, copy);
        keyBox.setAlignment(Pos.CENTER_LEFT);
        Row keyRow = row(15, "dialog.clientKey", keyBox);
        Label note = wrapped("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setId("s3ep-encryption-note");
        note.textProperty().bind(e.noteProperty());
        Runnable showMode = () -> {
            kmsRow.show(e.mode.get() == UploadEncryption.Mode.SSE_KMS);
            keyRow.show(e.clientSide());
        };
        e.mode.addListener((o, a, b) -> showMode.run());
        showMode.run();
        return note;
    }

    /// A caption with a mnemonic (`_Name`) and its field.
    private Row row(int index, String key, Node value) {
        Label caption = caption(m.get(key), value);
        grid.addRow(index, caption, value);
        return new Row(caption, value);
    }

    /// The two cells of a form row, shown or hidden together.
    private record Row(Node caption, Node value) {
        void show(boolean visible) {
            EndpointDialog.show(caption, visible);
            EndpointDialog.show(value, visible);
        }
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private static Label caption(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.getStyleClass().addAll(styles);
        return l;
    }

    private static TextField field(StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static RadioButton radio(String text, ToggleGroup group, ObjectProperty<Source> property, Source value, String id) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the dialog widens rather than cut a label short
        b.setToggleGroup(group);
        b.setSelected(property.get() == value);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                property.set(value);
            }
        });
        return b;
    }
}
