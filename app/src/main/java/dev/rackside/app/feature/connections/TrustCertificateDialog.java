package dev.rackside.app.feature.connections;

import static dev.rackside.app.feature.connections.DialogSupport.caption;
import static dev.rackside.app.feature.connections.DialogSupport.monospace;
import static dev.rackside.app.feature.connections.DialogSupport.wrapped;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.CertificateInfo;
import java.time.Instant;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// Shown the first time a server presents a certificate no system CA vouches for: everything the
/// operator needs to compare it with the one the node shows, and a choice to trust it (pin it).
/// Cancel is the default button: trusting must be a deliberate click.
public final class TrustCertificateDialog extends Dialog<Boolean> {
    public static final String FINGERPRINT_ID = "trust-fingerprint";
    public static final String TRUST_BUTTON_ID = "trust-button";

    public TrustCertificateDialog(Window owner, ConnectionProfile profile, CertificateInfo cert) {
        Messages m = Messages.of(TrustCertificateDialog.class);
        DialogSupport.initOwner(this, owner);
        setTitle(m.get("trust.title"));
        setHeaderText(m.get("trust.header", profile.host(), String.valueOf(profile.port())));

        GridPane details = DialogSupport.form();
        var fingerprint = monospace(CertificateText.grouped(cert.sha256Fingerprint()));
        fingerprint.setId(FINGERPRINT_ID);
        fingerprint.getStyleClass().add(Styles.TEXT_BOLD);
        details.addRow(0, caption(m.get("cert.fingerprint")), fingerprint);
        details.addRow(1, caption(m.get("cert.subject")), wrapped(cert.subject()));
        details.addRow(2, caption(m.get("cert.issuer")), wrapped(cert.issuer()
                + (cert.isSelfSigned() ? " " + m.get("cert.selfSigned") : "")));
        details.addRow(3, caption(m.get("cert.validityCaption")),
                wrapped(CertificateText.validity(cert, Instant.now(), Locale.getDefault())));
        details.addRow(4, caption(m.get("cert.altNames")), wrapped(CertificateText.altNames(cert)));

        VBox content = new VBox(14,
                wrapped(m.get("trust.explain")),
                details,
                wrapped(m.get("trust.howToCompare"), Styles.TEXT_MUTED));
        getDialogPane().setContent(content);

        ButtonType trust = new ButtonType(m.get("trust.trust"), ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(trust, ButtonType.CANCEL);
        Button trustButton = (Button) getDialogPane().lookupButton(trust);
        trustButton.setId(TRUST_BUTTON_ID);
        trustButton.setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        setResultConverter(b -> b == trust);
    }
}
