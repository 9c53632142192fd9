package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.ProxmoxException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/// What went wrong (or right) reaching a cluster, precise enough to tell the operator what to check.
///
/// @param kind    what the UI may style or react to
/// @param message a sentence for the operator, from this package's bundle
public record Diagnosis(Kind kind, String message) {

    public enum Kind {
        OK, DNS_FAILURE, CONNECTION_REFUSED, UNREACHABLE, TIMEOUT, UNKNOWN_CERTIFICATE, CERTIFICATE_CHANGED,
        TLS_FAILURE, AUTHENTICATION_FAILED, PERMISSION_DENIED, SECOND_FACTOR_UNSUPPORTED, NO_SECRET,
        SECRET_STORE, INVALID_PROFILE, OTHER
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /// Explains `e`, which happened talking to `spec`'s host.
    static Diagnosis of(ProxmoxException e, ConnectionSpec spec) {
        Messages m = Messages.of(Diagnosis.class);
        String host = spec.host();
        int port = spec.port();
        return switch (e) {
            case ProxmoxException.NodeUnreachable u when u.status() == 0 && has(u, UnknownHostException.class) ->
                    new Diagnosis(Kind.DNS_FAILURE, m.get("diag.dns", host));
            case ProxmoxException.NodeUnreachable u when u.status() == 0 && has(u, ConnectException.class) ->
                    new Diagnosis(Kind.CONNECTION_REFUSED, m.get("diag.refused", host, String.valueOf(port)));
            case ProxmoxException.NodeUnreachable u when u.status() == 0 && has(u, NoRouteToHostException.class) ->
                    new Diagnosis(Kind.UNREACHABLE, m.get("diag.noRoute", host));
            case ProxmoxException.NodeUnreachable u -> new Diagnosis(Kind.UNREACHABLE, m.get("diag.unreachable", u.getMessage()));
            case ProxmoxException.Timeout t -> new Diagnosis(Kind.TIMEOUT, m.get("diag.timeout", host, String.valueOf(port)));
            case ProxmoxException.UnknownCertificate c ->
                    new Diagnosis(Kind.UNKNOWN_CERTIFICATE, m.get("diag.unknownCertificate", c.certificate().sha256Fingerprint()));
            case ProxmoxException.CertificateChanged c -> new Diagnosis(Kind.CERTIFICATE_CHANGED,
                    m.get("diag.certificateChanged", c.pinnedFingerprint(), c.presented().sha256Fingerprint()));
            case ProxmoxException.TlsFailure t -> new Diagnosis(Kind.TLS_FAILURE, m.get("diag.tls", t.getMessage()));
            case ProxmoxException.AuthenticationFailed a ->
                    new Diagnosis(Kind.AUTHENTICATION_FAILED, m.get("diag.auth", spec.credentials().userId()));
            case ProxmoxException.PermissionDenied p -> new Diagnosis(Kind.PERMISSION_DENIED, p.privilege() == null
                    ? m.get("diag.permission", p.getMessage()) : m.get("diag.permissionOn", p.privilege(), p.path()));
            default -> new Diagnosis(Kind.OTHER, m.get("diag.other", e.getMessage()));
        };
    }

    static Diagnosis of(Kind kind, String key, Object... args) {
        return new Diagnosis(kind, Messages.of(Diagnosis.class).get(key, args));
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
