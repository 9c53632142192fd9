package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.app.settings.ConnectionProfile.AuthKind;
import dev.rackside.proxmox.Secret;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Asks for the password or token secret of a profile whose secret is not remembered.
public final class SecretDialog extends Dialog<Secret> {
    public static final String SECRET_ID = "secret-prompt";

    public SecretDialog(Window owner, ConnectionProfile profile) {
        Messages m = Messages.of(SecretDialog.class);
        DialogSupport.initOwner(this, owner);
        setTitle(m.get("secret.title"));
        boolean token = profile.authKind() == AuthKind.TOKEN;
        setHeaderText(token ? m.get("secret.headerToken", profile.user() + "!" + profile.tokenId(), profile.name())
                : m.get("secret.headerPassword", profile.user(), profile.name()));
        PasswordField field = new PasswordField();
        field.setId(SECRET_ID);
        getDialogPane().setContent(new VBox(8, field));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(field.textProperty().isEmpty());
        setResultConverter(b -> b == ButtonType.OK ? Secret.of(field.getText()) : null);
        Platform.runLater(field::requestFocus);
    }
}
