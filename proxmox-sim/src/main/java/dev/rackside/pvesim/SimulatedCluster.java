package dev.rackside.pvesim;

import dev.rackside.pvesim.contract.ApiContract;
import dev.rackside.pvesim.internal.api.AccessHandlers;
import dev.rackside.pvesim.internal.api.InventoryHandlers;
import dev.rackside.pvesim.internal.api.PowerHandlers;
import dev.rackside.pvesim.internal.api.TaskHandlers;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.SecondFactors;
import dev.rackside.pvesim.internal.auth.Tickets;
import dev.rackside.pvesim.internal.http.Authentication;
import dev.rackside.pvesim.internal.http.Dispatcher;
import dev.rackside.pvesim.internal.http.Routes;
import dev.rackside.pvesim.internal.http.SimServer;
import dev.rackside.pvesim.internal.state.ClusterState;
import dev.rackside.pvesim.internal.state.Node;
import dev.rackside.pvesim.internal.tasks.ClusterLog;
import dev.rackside.pvesim.internal.tasks.TaskRegistry;
import dev.rackside.pvesim.internal.tls.TlsIdentity;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/// A simulated Proxmox VE 9.1 cluster on loopback HTTPS, faithful to the official API schema.
///
/// ```java
/// try (var pve = SimulatedCluster.start(SimulatorOptions.defaults())) {
///     pve.url(); pve.fingerprint(); pve.apiTokenSecret();
/// }
/// ```
///
/// Every request is authenticated, permission-checked and validated against the schema as pveproxy
/// does; endpoints the simulator does not implement answer 501 rather than something invented.
/// The control methods ([#setNodeOnline], [#addToken], …) change the cluster the way an operator
/// or a failure would.
public final class SimulatedCluster implements AutoCloseable {
    public static final String ROOT = "root@pam";
    public static final String ROOT_PASSWORD = "rackside";
    public static final String TOKEN_ID = "rackside";
    private static final int MAX_RECORDED = 20_000;

    private final SimulatorOptions options;
    private final ClusterState state;
    private final AccessControl acl = new AccessControl();
    private final SecondFactors secondFactors = new SecondFactors();
    private final TlsIdentity tls;
    private final SimServer server;
    private final String tokenSecret;
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> implemented;

    private SimulatedCluster(SimulatorOptions o) throws Exception {
        this.options = o;
        SimClock clock = o.clock();
        this.state = ClusterState.generate(o.nodes(), o.guests(), o.seed(), clock);
        Map<String, String> ips = new LinkedHashMap<>();
        state.nodes().forEach(n -> ips.put(n.name(), n.ip()));
        this.tls = TlsIdentity.issue(ips, "rackside.lan", clock.instant());

        acl.addUser(ROOT, ROOT_PASSWORD);
        tokenSecret = o.apiTokenSecret() != null ? o.apiTokenSecret() : UUID.randomUUID().toString();
        acl.addToken(ROOT, TOKEN_ID, false, 0, tokenSecret);

        ClusterLog clusterLog = new ClusterLog(clock);
        TaskRegistry tasks = new TaskRegistry(clock, clusterLog, o.taskDurationScale());
        Tickets tickets = new Tickets();
        Routes routes = new Routes();
        new AccessHandlers(acl, tickets, secondFactors, clock, clusterLog, state.clusterName(), state.localNode(),
                () -> state.nodes().size() > 1).register(routes);
        new InventoryHandlers(state, acl, tls::fingerprint).register(routes);
        new PowerHandlers(state, tasks, clock).register(routes);
        new TaskHandlers(tasks, clusterLog, acl, () -> state.nodes().stream().map(Node::name).toList()).register(routes);

        this.implemented = routes.keys();
        Dispatcher dispatcher = new Dispatcher(ApiContract.load("9.1.3"), routes, new Authentication(acl, tickets, clock), acl,
                new Dispatcher.NodeDirectory() {
                    @Override
                    public Optional<Boolean> online(String node) {
                        return state.node(node).map(Node::online);
                    }

                    @Override
                    public String localNode() {
                        return state.localNode();
                    }
                }, this::record, tasks::advance);
        String local = state.localNode();
        SslContext ssl = SslContextBuilder.forServer(tls.nodeKey(), tls.nodeCertificate(local), tls.caCertificate()).build();
        this.server = new SimServer(o.bindAddress(), o.port(), ssl, dispatcher, o.authFailureDelay());
    }

    /// Starts the simulator; returns once it accepts connections.
    public static SimulatedCluster start(SimulatorOptions options) {
        try {
            return new SimulatedCluster(options);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the simulated cluster: " + e.getMessage(), e);
        }
    }

    public String host() {
        return options.bindAddress();
    }

    public int port() {
        return server.port();
    }

    /// `https://127.0.0.1:PORT` (the API lives below `/api2/json`).
    public URI url() {
        String h = host().contains(":") ? "[" + host() + "]" : host();
        return URI.create("https://" + h + ":" + port());
    }

    /// SHA-256 fingerprint of the certificate the simulator serves, as PVE's `ssl_fingerprint`.
    public String fingerprint() {
        return tls.fingerprint(state.localNode());
    }

    public X509Certificate certificate() {
        return tls.nodeCertificate(state.localNode());
    }

    /// A trust manager that trusts exactly this simulator's certificate, for raw HTTP clients in
    /// tests and benchmarks (Rackside's own client pins the fingerprint instead).
    public javax.net.ssl.X509TrustManager trustManager() {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("simulator", certificate());
            var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust manager for the simulator's certificate", e);
        }
    }

    /// The secret of the API token `root@pam!rackside` (privilege separation off).
    public String apiTokenSecret() {
        return tokenSecret;
    }

    public SimClock clock() {
        return options.clock();
    }

    /// The node that answers requests (`pve1`).
    public String localNode() {
        return state.localNode();
    }

    public List<String> nodeNames() {
        return state.nodes().stream().map(Node::name).toList();
    }

    /// Powers a node off or on: its guests become unknown and requests proxied to it fail with 595.
    public void setNodeOnline(String node, boolean online) {
        if (node.equals(state.localNode())) {
            throw new IllegalArgumentException("the node that serves the API cannot go offline");
        }
        state.setNodeOnline(node, online);
    }

    public void addUser(String userId, String password) {
        acl.addUser(userId, password);
    }

    /// Creates an API token and returns its secret.
    public String addToken(String userId, String tokenId, boolean privilegeSeparation) {
        return acl.addToken(userId, tokenId, privilegeSeparation, 0).secret();
    }

    /// Adds an ACL entry (propagating), e.g. `grant("/vms", "alice@pve", "PVEVMUser")`.
    public void grant(String path, String userOrToken, String role) {
        acl.grant(path, userOrToken, role, true);
    }

    /// Turns on TOTP for a user; returns the ten recovery keys.
    public List<String> enrollSecondFactor(String userId) {
        return secondFactors.enroll(userId);
    }

    /// The code the user's authenticator app would show now (simulated time).
    public String currentTotp(String userId) {
        return secondFactors.currentCode(userId, options.clock().instant());
    }

    /// Every request received so far, oldest first (capped at the last 20,000).
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /// The endpoints the simulator implements, as `METHOD /path/{template}` keys of the schema.
    public java.util.Set<String> implementedEndpoints() {
        return implemented;
    }

    public void clearRequests() {
        recorded.clear();
    }

    private void record(RecordedRequest r) {
        synchronized (recorded) {
            if (recorded.size() >= MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.add(r);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
