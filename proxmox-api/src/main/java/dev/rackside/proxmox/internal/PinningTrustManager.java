package dev.rackside.proxmox.internal;

import dev.rackside.proxmox.TrustPolicy;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/// Trusts either the system CAs or exactly one pinned leaf certificate; never everything.
///
/// It extends [X509ExtendedTrustManager] so that JSSE does not wrap it with its own host-name
/// check: in pinned mode the pin replaces both the CA and the host-name checks (a PVE node's
/// self-signed certificate is rarely issued for the name an operator types).
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final TrustPolicy policy;
    private final X509ExtendedTrustManager system;

    PinningTrustManager(TrustPolicy policy) {
        this.policy = policy;
        this.system = policy instanceof TrustPolicy.SystemCertificateAuthorities ? systemTrustManager() : null;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType));
    }

    private interface SystemCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, SystemCheck systemCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        switch (policy) {
            case TrustPolicy.PinnedCertificate pin -> {
                String presented = Certificates.sha256Fingerprint(leaf);
                if (!pin.matches(presented)) {
                    throw new CertificateRejected(CertificateRejected.Reason.CHANGED, Certificates.describe(leaf),
                            pin.sha256Fingerprint(), null);
                }
            }
            case TrustPolicy.SystemCertificateAuthorities ignored -> {
                try {
                    systemCheck.run();
                } catch (CertificateException e) {
                    throw new CertificateRejected(CertificateRejected.Reason.UNKNOWN, Certificates.describe(leaf), null, e);
                }
            }
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system == null ? new X509Certificate[0] : system.getAcceptedIssuers();
    }

    private static X509ExtendedTrustManager systemTrustManager() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
                if (tm instanceof X509TrustManager) {
                    throw new IllegalStateException("the platform trust manager is not an X509ExtendedTrustManager");
                }
            }
            throw new IllegalStateException("no X509 trust manager in the platform");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the system CA store", e);
        }
    }
}
