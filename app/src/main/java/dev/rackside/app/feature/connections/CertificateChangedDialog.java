package dev.rackside.app.feature.connections;

import static dev.rackside.app.feature.connections.DialogSupport.caption;
import static dev.rackside.app.feature.connections.DialogSupport.monospace;
import static dev.rackside.app.feature.connections.DialogSupport.wrapped;

import atlantafx.base.theme.Styles;
import dev.rackside.app.feature.connections.ConnectionPrompts.ChangedCertificateDecision;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.CertificateInfo;
import java.time.Instant;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The pinned certificate was replaced. Refuses loudly: Disconnect is the default; replacing the pin
/// takes a separate path (review the new certificate, confirm it was checked on the node, then
/// a distinct button), so it cannot happen by pressing Enter.
public final class CertificateChangedDialog extends Dialog<ChangedCertificateDecision> {
    public static final String REVIEW_BUTTON_ID = "changed-review";
    public static final String CONFIRM_ID = "changed-confirm";
    public static final String REPLACE_BUTTON_ID = "changed-replace";

    public CertificateChangedDialog(Window owner, ConnectionProfile profile, String pinned, CertificateInfo presented) {
        Messages m = Messages.of(CertificateChangedDialog.class);
        DialogSupport.initOwner(this, owner);
        setTitle(m.get("changed.title"));
        setHeaderText(null);

        Label headline = wrapped(m.get("changed.headline", profile.name()), Styles.TITLE_3, Styles.DANGER);
        GridPane prints = DialogSupport.form();
        prints.addRow(0, caption(m.get("changed.pinned")), monospace(CertificateText.grouped(pinned)));
        Label presentedPrint = monospace(CertificateText.grouped(presented.sha256Fingerprint()));
        presentedPrint.getStyleClass().add(Styles.DANGER);
        prints.addRow(1, caption(m.get("changed.presented")), presentedPrint);

        GridPane review = DialogSupport.form();
        review.addRow(0, caption(m.get("cert.subject")), wrapped(presented.subject()));
        review.addRow(1, caption(m.get("cert.issuer")), wrapped(presented.issuer()));
        review.addRow(2, caption(m.get("cert.validityCaption")),
                wrapped(CertificateText.validity(presented, Instant.now(), Locale.getDefault())));
        review.addRow(3, caption(m.get("cert.altNames")), wrapped(CertificateText.altNames(presented)));
        CheckBox confirm = new CheckBox(m.get("changed.confirm"));
        confirm.setId(CONFIRM_ID);
        confirm.setWrapText(true);
        VBox reviewBox = new VBox(10, review, wrapped(m.get("trust.howToCompare"), Styles.TEXT_MUTED), confirm);
        reviewBox.setVisible(false);
        reviewBox.setManaged(false);

        Button reviewButton = new Button(m.get("changed.review"));
        reviewButton.setId(REVIEW_BUTTON_ID);
        reviewButton.getStyleClass().add(Styles.BUTTON_OUTLINED);

        VBox content = new VBox(14, headline, wrapped(m.get("changed.explain")), prints, reviewButton, reviewBox);
        content.getStyleClass().add(Styles.BG_DANGER_SUBTLE);
        content.setStyle("-fx-padding: 12;");
        getDialogPane().setContent(content);

        ButtonType disconnect = new ButtonType(m.get("changed.disconnect"), ButtonData.CANCEL_CLOSE);
        ButtonType replace = new ButtonType(m.get("changed.replace"), ButtonData.OTHER);
        getDialogPane().getButtonTypes().addAll(replace, disconnect);
        Button disconnectButton = (Button) getDialogPane().lookupButton(disconnect);
        disconnectButton.setDefaultButton(true);
        Button replaceButton = (Button) getDialogPane().lookupButton(replace);
        replaceButton.setId(REPLACE_BUTTON_ID);
        replaceButton.setDefaultButton(false);
        replaceButton.getStyleClass().add(Styles.DANGER);
        replaceButton.setVisible(false);
        replaceButton.setManaged(false);
        replaceButton.disableProperty().bind(confirm.selectedProperty().not());

        reviewButton.setOnAction(e -> {
            reviewBox.setVisible(true);
            reviewBox.setManaged(true);
            replaceButton.setVisible(true);
            replaceButton.setManaged(true);
            reviewButton.setDisable(true);
            getDialogPane().getScene().getWindow().sizeToScene();
        });
        setResultConverter(b -> b == replace && confirm.isSelected()
                ? ChangedCertificateDecision.REPLACE_PIN : ChangedCertificateDecision.DISCONNECT);
    }
}
