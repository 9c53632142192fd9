package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.CertificateInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/// How certificates are written in the dialogs, kept out of the views so it can be tested.
final class CertificateText {
    private CertificateText() {
    }

    /// `AB:CD:…` as four lines of eight pairs, so two fingerprints can be compared line by line.
    static String grouped(String fingerprint) {
        String[] pairs = fingerprint.split(":");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                sb.append(i % 8 == 0 ? "\n" : " ");
            }
            sb.append(pairs[i]);
        }
        return sb.toString();
    }

    /// "from … to …", with a warning when the certificate is not valid now.
    static String validity(CertificateInfo c, Instant now, Locale locale) {
        Messages m = Messages.of(CertificateText.class, locale);
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault());
        String range = m.get("cert.validity", f.format(c.notBefore()), f.format(c.notAfter()));
        if (now.isAfter(c.notAfter())) {
            return range + " " + m.get("cert.expired");
        }
        if (now.isBefore(c.notBefore())) {
            return range + " " + m.get("cert.notYetValid");
        }
        return range;
    }

    static String altNames(CertificateInfo c) {
        return c.subjectAltNames().isEmpty() ? "—" : String.join(", ", c.subjectAltNames());
    }
}
