package dev.rackside.app.feature.connections;

import static dev.rackside.app.feature.connections.DialogSupport.wrapped;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.LoginOutcome.TfaChallenge;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Asks for a TOTP code or a recovery key, offering only what the user has enrolled, and saying
/// plainly when the user also has factors Rackside cannot use (WebAuthn, U2F, Yubico OTP).
public final class SecondFactorDialog extends javafx.scene.control.Dialog<SecondFactor> {
    public static final String CODE_ID = "tfa-code";

    public SecondFactorDialog(Window owner, ConnectionProfile profile, TfaChallenge challenge) {
        Messages m = Messages.of(SecondFactorDialog.class);
        DialogSupport.initOwner(this, owner);
        setTitle(m.get("tfa.title"));
        setHeaderText(m.get("tfa.header", profile.user(), profile.name()));

        ToggleGroup kind = new ToggleGroup();
        RadioButton totp = new RadioButton(m.get("tfa.totp"));
        RadioButton recovery = new RadioButton(m.get("tfa.recovery", challenge.recoveryKeysLeft().size()));
        totp.setToggleGroup(kind);
        recovery.setToggleGroup(kind);
        totp.setDisable(!challenge.totp());
        recovery.setDisable(!challenge.recovery());
        (challenge.totp() ? totp : recovery).setSelected(true);

        TextField code = new TextField();
        code.setId(CODE_ID);
        code.promptTextProperty().bind(javafx.beans.binding.Bindings.when(totp.selectedProperty())
                .then(m.get("tfa.totpPrompt")).otherwise(m.get("tfa.recoveryPrompt")));

        VBox content = new VBox(10, totp, recovery, code);
        List<String> unsupported = new ArrayList<>();
        if (challenge.webauthn()) {
            unsupported.add("WebAuthn");
        }
        if (challenge.u2f()) {
            unsupported.add("U2F");
        }
        if (challenge.yubico()) {
            unsupported.add("Yubico OTP");
        }
        if (!unsupported.isEmpty()) {
            content.getChildren().add(wrapped(m.get("tfa.unsupported", String.join(", ", unsupported)), Styles.TEXT_MUTED));
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(code.textProperty().isEmpty());
        setResultConverter(b -> b != ButtonType.OK ? null
                : totp.isSelected() ? new SecondFactor.Totp(code.getText()) : new SecondFactor.RecoveryKey(code.getText()));
        Platform.runLater(code::requestFocus);
    }
}
