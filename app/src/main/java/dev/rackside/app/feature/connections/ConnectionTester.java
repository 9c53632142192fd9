package dev.rackside.app.feature.connections;

import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.proxmox.ConnectionSpec;
import dev.rackside.proxmox.LoginOutcome;
import dev.rackside.proxmox.ProxmoxClient;
import dev.rackside.proxmox.ProxmoxException;
import dev.rackside.proxmox.Secret;
import dev.rackside.proxmox.model.ClusterStatus;
import java.time.Duration;
import java.util.Optional;

/// "Test connection": tries a draft profile once, without retries, and says precisely what happened.
/// Blocking; run it off the UI thread.
public final class ConnectionTester {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    public ConnectionTestResult test(ConnectionProfile draft, Secret secret) {
        ConnectionSpec spec;
        try {
            spec = Specs.of(draft, secret).withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT);
        } catch (RuntimeException e) {
            return ConnectionTestResult.failed(Diagnosis.of(Diagnosis.Kind.INVALID_PROFILE, "diag.invalidProfile"));
        }
        try {
            return probe(spec);
        } catch (ProxmoxException.UnknownCertificate e) {
            // Stop here: nobody has compared this certificate's fingerprint yet, so the secret must not be sent
            // to it (it could be a machine in the middle). Connect shows the certificate and asks first.
            return ConnectionTestResult.failed(Diagnosis.of(e, spec));
        } catch (ProxmoxException e) {
            return ConnectionTestResult.failed(Diagnosis.of(e, spec));
        }
    }

    private static ConnectionTestResult probe(ConnectionSpec spec) throws ProxmoxException {
        try (ProxmoxClient client = ProxmoxClient.builder(spec).retries(1, Duration.ofMillis(1)).build()) {
            LoginOutcome login = client.login();
            if (login instanceof LoginOutcome.SecondFactorRequired) {
                return ConnectionTestResult.failed(Diagnosis.of(Diagnosis.Kind.OK, "diag.okSecondFactor"));
            }
            String version = client.version().version();
            String clusterName = ((LoginOutcome.LoggedIn) login).clusterName();
            try {
                if (clusterName.isEmpty()) {
                    ClusterStatus status = client.cluster().status();
                    clusterName = status.cluster().map(ClusterStatus.Cluster::name).orElse("");
                }
            } catch (ProxmoxException.PermissionDenied denied) {
                return new ConnectionTestResult(Diagnosis.of(Diagnosis.Kind.PERMISSION_DENIED, "diag.okNoAudit",
                        version, spec.credentials().userId()), Optional.of(version), Optional.empty());
            }
            Diagnosis ok = clusterName.isEmpty()
                    ? Diagnosis.of(Diagnosis.Kind.OK, "diag.okStandalone", version)
                    : Diagnosis.of(Diagnosis.Kind.OK, "diag.ok", version, clusterName);
            return new ConnectionTestResult(ok, Optional.of(version),
                    clusterName.isEmpty() ? Optional.empty() : Optional.of(clusterName));
        }
    }
}
