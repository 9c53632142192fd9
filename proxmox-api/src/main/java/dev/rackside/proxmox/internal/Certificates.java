package dev.rackside.proxmox.internal;

import dev.rackside.proxmox.CertificateInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/// Turns an X.509 certificate into what the operator is shown.
public final class Certificates {
    private Certificates() {
    }

    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    public static CertificateInfo describe(X509Certificate cert) {
        return new CertificateInfo(sha256Fingerprint(cert),
                cert.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), altNames(cert));
    }

    private static List<String> altNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    // 2 = dNSName, 7 = iPAddress (RFC 5280); other kinds are irrelevant to an operator here.
                    if (san.size() >= 2 && (Integer.valueOf(2).equals(san.get(0)) || Integer.valueOf(7).equals(san.get(0)))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable SAN extension is not a reason to hide the rest of the certificate.
        }
        return names;
    }
}
