package dev.rackside.pvesim.internal.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/// The cluster's TLS identity, issued the way `pvecm`/pve-cluster does it (pve-behaviour.md §7):
/// a self-signed "PVE Cluster Manager CA" and one `pve-ssl.pem` per node, signed by it, valid
/// from yesterday for 730 days, with SANs for localhost, the node name and its IP.
///
/// Key pairs are generated once per JVM and reused, because RSA key generation would otherwise
/// dominate the simulator's sub-second start; every identity still gets fresh certificates (new
/// serials, new validity), hence new fingerprints, which is what trust-on-first-use tests need.
public final class TlsIdentity {
    private static final class Keys {
        // PVE uses RSA 4096 for the CA; 2048 keeps start-up fast and changes nothing a client sees but the key size.
        static final KeyPair CA = generate();
        static final KeyPair NODE = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final X509Certificate ca;
    private final Map<String, X509Certificate> nodeCerts;

    private TlsIdentity(X509Certificate ca, Map<String, X509Certificate> nodeCerts) {
        this.ca = ca;
        this.nodeCerts = nodeCerts;
    }

    /// Issues a CA and a certificate for each `node → ip`.
    public static TlsIdentity issue(Map<String, String> nodeIps, String domain, Instant now) {
        try {
            Instant from = now.minus(Duration.ofDays(1));
            X500Name caName = new X500Name("CN=Proxmox Virtual Environment,OU=" + UUID.randomUUID() + ",O=PVE Cluster Manager CA");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                    Date.from(from.plus(Duration.ofDays(3650))), caName, Keys.CA.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(Keys.CA.getPublic()));
            X509Certificate ca = convert(cab, Keys.CA.getPrivate());
            Map<String, X509Certificate> certs = new LinkedHashMap<>();
            for (Map.Entry<String, String> n : nodeIps.entrySet()) {
                String fqdn = n.getKey() + "." + domain;
                List<GeneralName> sans = new ArrayList<>(List.of(
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1"),
                        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, n.getValue()),
                        new GeneralName(GeneralName.dNSName, n.getKey()), new GeneralName(GeneralName.dNSName, fqdn)));
                X509v3CertificateBuilder nb = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                        Date.from(from.plus(Duration.ofDays(730))),
                        new X500Name("OU=PVE Cluster Node,O=Proxmox Virtual Environment,CN=" + fqdn), Keys.NODE.getPublic())
                        .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)))
                        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
                certs.put(n.getKey(), convert(nb, Keys.CA.getPrivate()));
            }
            return new TlsIdentity(ca, Map.copyOf(certs));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the simulator's certificates", e);
        }
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public X509Certificate nodeCertificate(String node) {
        X509Certificate c = nodeCerts.get(node);
        if (c == null) {
            throw new IllegalArgumentException("no certificate for node " + node);
        }
        return c;
    }

    public PrivateKey nodeKey() {
        return Keys.NODE.getPrivate();
    }

    /// Upper-case colon-separated SHA-256, as PVE's `ssl_fingerprint`.
    public String fingerprint(String node) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(nodeCertificate(node).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, new java.security.SecureRandom());
    }

    private static X509Certificate convert(X509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        ContentSigner s = new JcaContentSignerBuilder("SHA256withRSA").build(signer);
        return new JcaX509CertificateConverter().getCertificate(b.build(s));
    }
}
