package dev.rackside.proxmox;

import dev.rackside.proxmox.internal.Api;
import dev.rackside.proxmox.internal.AuthSession;
import dev.rackside.proxmox.internal.HttpTransport;
import dev.rackside.proxmox.internal.InventoryDecoder;
import dev.rackside.proxmox.internal.Params;
import dev.rackside.proxmox.internal.RetryPolicy;
import dev.rackside.proxmox.model.PveVersion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/// The entry point to one Proxmox VE cluster.
///
/// ```java
/// try (var client = ProxmoxClient.connect(ConnectionSpec.of("pve1.lan", token, TrustPolicy.pinned(fp)))) {
///     client.login();
///     var guests = client.cluster().resources(ResourceType.VM);
/// }
/// ```
///
/// Its configuration is immutable; the only state is the login session, which is thread-safe and
/// renews its ticket on its own. Every call blocks: run it off the UI thread.
public final class ProxmoxClient implements AutoCloseable {
    private final ConnectionSpec spec;
    private final HttpTransport transport;
    private final AuthSession session;
    private final Api api;
    private final ClusterApi cluster;
    private final NodesApi nodes;
    private final GuestsApi guests;
    private final TasksApi tasks;

    private ProxmoxClient(Builder b) {
        this.spec = b.spec;
        this.transport = new HttpTransport(b.spec, b.retries);
        this.session = new AuthSession(b.spec.credentials(), transport, b.clock);
        this.api = new Api(transport, session);
        this.cluster = new ClusterApi(api);
        this.nodes = new NodesApi(api);
        this.guests = new GuestsApi(api);
        this.tasks = new TasksApi(api, b.clock);
    }

    /// A client with default retries and the system clock. Nothing is sent until the first call.
    public static ProxmoxClient connect(ConnectionSpec spec) {
        return builder(spec).build();
    }

    public static Builder builder(ConnectionSpec spec) {
        return new Builder(spec);
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /// Logs in with a password (may ask for a second factor), or verifies an API token.
    /// Calling it is optional for tokens and for passwords without TFA: the first call logs in.
    public LoginOutcome login() throws ProxmoxException {
        return session.login();
    }

    /// Answers the second-factor challenge returned by [#login()].
    public LoginOutcome completeLogin(LoginOutcome.SecondFactor answer) throws ProxmoxException {
        return session.completeLogin(answer);
    }

    /// `GET /version`.
    public PveVersion version() throws ProxmoxException {
        return InventoryDecoder.version(api.get("/version", Params.of()).data());
    }

    public ClusterApi cluster() {
        return cluster;
    }

    public NodesApi nodes() {
        return nodes;
    }

    public GuestsApi guests() {
        return guests;
    }

    public TasksApi tasks() {
        return tasks;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ProxmoxClient[" + spec.baseUrl() + " as " + spec.credentials().userId() + "]";
    }

    /// Options that tests and special deployments change; the defaults suit an operator's desktop.
    public static final class Builder {
        private final ConnectionSpec spec;
        private InstantSource clock = InstantSource.system();
        private RetryPolicy retries = RetryPolicy.DEFAULT;

        private Builder(ConnectionSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /// The clock that decides when the ticket is renewed and when task waits time out.
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /// Retries for idempotent GETs: `maxAttempts` total tries, exponential backoff from `baseDelay`.
        public Builder retries(int maxAttempts, Duration baseDelay) {
            this.retries = new RetryPolicy(maxAttempts, baseDelay, baseDelay.multipliedBy(16));
            return this;
        }

        public ProxmoxClient build() {
            return new ProxmoxClient(this);
        }
    }
}
