package dev.rackside.proxmox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/// What an operator needs to decide whether to trust a server certificate.
///
/// @param sha256Fingerprint upper-case colon-separated SHA-256 of the DER encoding, as PVE shows it
/// @param subject           the subject distinguished name
/// @param issuer            the issuer distinguished name
/// @param notBefore         start of validity
/// @param notAfter          end of validity
/// @param subjectAltNames   DNS names and IP addresses the certificate is issued for
public record CertificateInfo(String sha256Fingerprint, String subject, String issuer,
                              Instant notBefore, Instant notAfter, List<String> subjectAltNames) {
    public CertificateInfo {
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    public boolean isSelfSigned() {
        return subject.equals(issuer);
    }
}
