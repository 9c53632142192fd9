package dev.rackside.app.feature.connections;

import static dev.rackside.app.feature.connections.DialogSupport.caption;
import static dev.rackside.app.feature.connections.DialogSupport.wrapped;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile.AuthKind;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Adds or edits a connection profile: where, who, the secret, whether to remember it, and a Test
/// button that says precisely what is wrong before anything is saved.
public final class ConnectionDialog extends Dialog<Boolean> {
    public static final String HOST_ID = "conn-host";
    public static final String PORT_ID = "conn-port";
    public static final String USER_ID_ID = "conn-user-id";
    public static final String TOKEN_ID_ID = "conn-token-id";
    public static final String SECRET_ID = "conn-secret";
    public static final String TEST_ID = "conn-test";
    public static final String DIAGNOSIS_ID = "conn-diagnosis";
    public static final String SAVE_ID = "conn-save";

    public ConnectionDialog(Window owner, ConnectionFormModel form) {
        Messages m = Messages.of(ConnectionDialog.class);
        DialogSupport.initOwner(this, owner);
        setTitle(m.get(form.isEditing() ? "form.titleEdit" : "form.titleAdd"));
        setHeaderText(null);

        TextField name = field(form.name, "conn-name");
        name.setPromptText(m.get("form.namePrompt"));
        TextField host = field(form.host, HOST_ID);
        host.setPromptText("pve1.example.lan");
        TextField port = field(form.port, PORT_ID);
        port.setPrefColumnCount(5);

        ToggleGroup kind = new ToggleGroup();
        ToggleButton token = toggle(m.get("form.authToken"), kind, "conn-auth-token", AuthKind.TOKEN);
        ToggleButton password = toggle(m.get("form.authPassword"), kind, "conn-auth-password", AuthKind.PASSWORD);
        (form.authKind.get() == AuthKind.TOKEN ? token : password).setSelected(true);
        kind.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a segmented toggle always has one side selected
            } else {
                form.authKind.set((AuthKind) now.getUserData());
            }
        });
        HBox kindBox = new HBox(token, password);
        token.getStyleClass().add(Styles.LEFT_PILL);
        password.getStyleClass().add(Styles.RIGHT_PILL);

        TextField userId = field(form.userId, USER_ID_ID);
        TextField tokenId = field(form.tokenId, TOKEN_ID_ID);
        TextField username = field(form.username, "conn-username");
        TextField realm = field(form.realm, "conn-realm");
        PasswordField secret = new PasswordField();
        secret.setId(SECRET_ID);
        secret.textProperty().bindBidirectional(form.secret);
        if (form.isEditing()) {
            secret.setPromptText(m.get("form.secretKeep"));
        }

        GridPane grid = DialogSupport.form();
        grid.addRow(0, caption(m.get("form.name")), name);
        grid.addRow(1, caption(m.get("form.host")), host);
        grid.addRow(2, caption(m.get("form.port")), port);
        grid.addRow(3, caption(m.get("form.auth")), kindBox);
        Label userIdCaption = caption(m.get("form.userId"));
        Label tokenIdCaption = caption(m.get("form.tokenId"));
        Label usernameCaption = caption(m.get("form.username"));
        Label realmCaption = caption(m.get("form.realm"));
        grid.addRow(4, userIdCaption, userId);
        grid.addRow(5, tokenIdCaption, tokenId);
        grid.addRow(6, usernameCaption, username);
        grid.addRow(7, realmCaption, realm);
        Label secretCaption = caption("");
        grid.addRow(8, secretCaption, secret);
        Runnable showKind = () -> {
            boolean isToken = form.authKind.get() == AuthKind.TOKEN;
            for (var n : new javafx.scene.Node[] {userIdCaption, userId, tokenIdCaption, tokenId}) {
                n.setVisible(isToken);
                n.setManaged(isToken);
            }
            for (var n : new javafx.scene.Node[] {usernameCaption, username, realmCaption, realm}) {
                n.setVisible(!isToken);
                n.setManaged(!isToken);
            }
            secretCaption.setText(m.get(isToken ? "form.tokenSecret" : "form.password"));
        };
        form.authKind.addListener((o, a, b) -> showKind.run());
        showKind.run();

        CheckBox remember = new CheckBox(m.get("form.remember"));
        remember.setId("conn-remember");
        remember.selectedProperty().bindBidirectional(form.remember);
        VBox rememberBox = new VBox(4, remember);
        if (!form.rememberAvailability().available()) {
            remember.setSelected(false);
            remember.setDisable(true);
            rememberBox.getChildren().add(wrapped(form.rememberAvailability().reason(), Styles.TEXT_MUTED, Styles.TEXT_SMALL));
        }

        Button test = new Button(m.get("form.test"));
        test.setId(TEST_ID);
        test.disableProperty().bind(form.testingProperty());
        test.setOnAction(e -> form.test());
        Label diagnosis = wrapped("");
        diagnosis.setId(DIAGNOSIS_ID);
        diagnosis.textProperty().bind(form.diagnosis);
        form.diagnosisKind.addListener((o, was, now) -> {
            diagnosis.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            if (now != null) {
                diagnosis.getStyleClass().add(now == Diagnosis.Kind.OK ? Styles.SUCCESS
                        : now == Diagnosis.Kind.PERMISSION_DENIED ? Styles.WARNING : Styles.DANGER);
            }
        });

        VBox content = new VBox(14, grid, rememberBox, new VBox(8, test, diagnosis));
        // AtlantaFX pads a header-less dialog's content on three sides only (its left edge touched the frame).
        content.setPadding(new javafx.geometry.Insets(14, 14, 0, 14));
        getDialogPane().setMaxWidth(680); // the theme's 600 px would cut the padded form's right edge
        getDialogPane().setContent(content);
        ButtonType save = new ButtonType(m.get("form.save"), ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId(SAVE_ID);
        // Invalid input keeps the dialog open, with the reason shown where the test result goes.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.save(() -> { })) {
                e.consume();
            }
        });
        setResultConverter(b -> b == save);
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static ToggleButton toggle(String text, ToggleGroup group, String id, AuthKind kind) {
        ToggleButton b = new ToggleButton(text);
        b.setToggleGroup(group);
        b.setId(id);
        b.setUserData(kind);
        return b;
    }
}
