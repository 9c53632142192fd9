package dev.rackside.proxmox;

import java.time.Duration;
import java.util.Objects;

/// Everything needed to reach one Proxmox VE cluster: where, who, and which certificate to trust.
///
/// @param host           host name or IP address of any cluster node
/// @param port           pveproxy port, 8006 unless the operator changed it
/// @param credentials    API token or user/password
/// @param trust          system CAs or a pinned certificate
/// @param connectTimeout TCP + TLS connect timeout
/// @param readTimeout    time to wait for an answer; PVE delays failed logins by 3 s on purpose
public record ConnectionSpec(String host, int port, Credentials credentials, TrustPolicy trust,
                             Duration connectTimeout, Duration readTimeout) {
    public static final int DEFAULT_PORT = 8006;

    public ConnectionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /// Port 8006, 10 s to connect, 30 s to read.
    public static ConnectionSpec of(String host, Credentials credentials, TrustPolicy trust) {
        return new ConnectionSpec(host, DEFAULT_PORT, credentials, trust, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public ConnectionSpec withPort(int newPort) {
        return new ConnectionSpec(host, newPort, credentials, trust, connectTimeout, readTimeout);
    }

    public ConnectionSpec withTrust(TrustPolicy newTrust) {
        return new ConnectionSpec(host, port, credentials, newTrust, connectTimeout, readTimeout);
    }

    public ConnectionSpec withCredentials(Credentials newCredentials) {
        return new ConnectionSpec(host, port, newCredentials, trust, connectTimeout, readTimeout);
    }

    public ConnectionSpec withTimeouts(Duration connect, Duration read) {
        return new ConnectionSpec(host, port, credentials, trust, connect, read);
    }

    /// `https://host:port`, with IPv6 literals bracketed.
    public String baseUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "https://" + h + ":" + port;
    }
}
