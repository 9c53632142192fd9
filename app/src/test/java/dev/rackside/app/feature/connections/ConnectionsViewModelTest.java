package dev.rackside.app.feature.connections;

import dev.rackside.app.fx.RecordingNotifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.cluster.Sessions;
import dev.rackside.app.fx.Background;
import dev.rackside.s3.profiles.RacksideFolders;
import dev.rackside.app.settings.ConnectionProfile;
import dev.rackside.app.settings.InMemorySecretStore;
import dev.rackside.app.settings.ProfileStore;
import dev.rackside.proxmox.LoginOutcome.SecondFactor;
import dev.rackside.proxmox.Secret;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsViewModelTest {
    private static SimulatedCluster pve;

    @TempDir
    Path dir;
    private ProfileStore store;
    private InMemorySecretStore keychain;
    private Sessions sessions;
    private ConnectionsViewModel vm;
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final List<ConnectOutcome> outcomes = new ArrayList<>();

    @BeforeAll
    static void startSimulator() {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(2, 4).fast());
    }

    @AfterAll
    static void stopSimulator() {
        pve.close();
    }

    @BeforeEach
    void setUp() {
        store = new ProfileStore(RacksideFolders.under(dir));
        keychain = new InMemorySecretStore();
        sessions = new Sessions();
        vm = new ConnectionsViewModel(store, keychain, sessions, Background.direct(), new RecordingNotifier());
    }

    @AfterEach
    void tearDown() {
        sessions.closeAll();
    }

    private ConnectionProfile tokenProfile(int port) {
        ConnectionProfile p = ConnectionProfile.token("Lab", pve.host(), SimulatedCluster.ROOT, SimulatedCluster.TOKEN_ID).withPort(port);
        vm.save(p, Optional.of(Secret.of(pve.apiTokenSecret())), true, () -> { });
        return p;
    }

    private ConnectOutcome connect(ConnectionProfile p) {
        vm.connect(store.find(p.id()).orElseThrow(), prompts, outcomes::add);
        assertEquals(1, outcomes.size(), "exactly one end per connect");
        return outcomes.removeFirst();
    }

    @Test
    void unknownCertificateTrustedIsPinnedAndConnects() {
        ConnectionProfile p = tokenProfile(pve.port());
        prompts.trust = true;

        ConnectOutcome outcome = connect(p);

        assertInstanceOf(ConnectOutcome.Connected.class, outcome, outcome.toString());
        assertEquals(List.of("trust"), prompts.asked);
        assertEquals(pve.fingerprint(), prompts.shownCertificate.sha256Fingerprint());
        assertEquals(pve.fingerprint(), store.find(p.id()).orElseThrow().pinnedFingerprint());
        assertEquals(pve.fingerprint(), vm.profiles().getFirst().pinnedFingerprint());
        assertEquals(p.id().toString(), sessions.list().getFirst().id());
        assertTrue(vm.isConnected(p));
    }

    @Test
    void declinedCertificateIsNotPinnedAndDoesNotConnect() {
        ConnectionProfile p = tokenProfile(pve.port());
        prompts.trust = false;
        assertInstanceOf(ConnectOutcome.Cancelled.class, connect(p));
        assertNull(store.find(p.id()).orElseThrow().pinnedFingerprint());
        assertTrue(sessions.list().isEmpty());
    }

    @Test
    void changedCertificateOnAPinnedProfileIsRefused() throws Exception {
        ConnectionProfile p = tokenProfile(pve.port());
        prompts.trust = true;
        assertInstanceOf(ConnectOutcome.Connected.class, connect(p));
        vm.disconnect(p);

        try (SimulatedCluster impostor = SimulatedCluster.start(SimulatorOptions.defaults().withSize(1, 0).fast()
                .withApiTokenSecret(pve.apiTokenSecret()))) {
            store.put(store.find(p.id()).orElseThrow().withPort(impostor.port()));
            prompts.asked.clear();

            ConnectOutcome outcome = connect(p);

            var changed = assertInstanceOf(ConnectOutcome.CertificateChanged.class, outcome);
            assertEquals(pve.fingerprint(), changed.pinnedFingerprint());
            assertEquals(impostor.fingerprint(), changed.presented().sha256Fingerprint());
            assertEquals(List.of("changed"), prompts.asked);
            assertTrue(sessions.list().isEmpty(), "no session after a changed certificate");
            assertEquals(pve.fingerprint(), store.find(p.id()).orElseThrow().pinnedFingerprint(), "pin untouched");
            assertTrue(vm.statusProperty().get().contains("intercepted"), vm.statusProperty().get());
        }
    }

    @Test
    void passwordWithTotpAsksForTheCodeAndConnects() {
        pve.addUser("totp-user@pve", "correct horse");
        pve.enrollSecondFactor("totp-user@pve");
        ConnectionProfile p = ConnectionProfile.password("TOTP", pve.host(), "totp-user", "pve")
                .withPort(pve.port()).withPinnedFingerprint(pve.fingerprint());
        vm.save(p, Optional.empty(), false, () -> { });
        prompts.secret = Optional.of(Secret.of("correct horse"));
        prompts.secondFactor = () -> Optional.of(new SecondFactor.Totp(pve.currentTotp("totp-user@pve")));

        ConnectOutcome outcome = connect(p);

        assertInstanceOf(ConnectOutcome.Connected.class, outcome, outcome.toString());
        assertEquals(List.of("secret", "secondFactor"), prompts.asked);
        assertTrue(prompts.shownChallenge.totp());
        assertEquals(1, sessions.list().size());
    }

    @Test
    void wrongPasswordIsDiagnosedAndNotKeptForTheNextTry() {
        ConnectionProfile p = ConnectionProfile.password("Root", pve.host(), "root", "pam")
                .withPort(pve.port()).withPinnedFingerprint(pve.fingerprint());
        vm.save(p, Optional.empty(), false, () -> { });
        prompts.secret = Optional.of(Secret.of("not-the-password"));

        var failed = assertInstanceOf(ConnectOutcome.Failed.class, connect(p));

        assertEquals(Diagnosis.Kind.AUTHENTICATION_FAILED, failed.diagnosis().kind());
        assertTrue(failed.diagnosis().message().contains("root@pam"), failed.diagnosis().message());
        assertTrue(sessions.list().isEmpty());
        prompts.asked.clear();
        connect(p);
        assertEquals(List.of("secret"), prompts.asked, "a rejected secret is asked again, not reused");
    }

    private ConnectionTestResult test(ConnectionProfile draft, String secret) {
        List<ConnectionTestResult> results = new ArrayList<>();
        vm.testConnection(draft, Secret.of(secret), results::add);
        return results.getFirst();
    }

    @Test
    void testConnectionSendsNoSecretToAnUntrustedCertificate() {
        ConnectionProfile draft = ConnectionProfile.token("", pve.host(), "root@pam", "rackside").withPort(pve.port());
        pve.clearRequests();
        ConnectionTestResult r = test(draft, pve.apiTokenSecret());
        assertFalse(r.ok(), r.message());
        assertTrue(r.message().contains(pve.fingerprint()), "names the certificate to compare: " + r.message());
        assertTrue(pve.requests().isEmpty(), "not a single request (nor the token) reached the unverified server");
    }

    @Test
    void testConnectionReportsVersionAndClusterOnceTrusted() {
        ConnectionProfile draft = ConnectionProfile.token("", pve.host(), "root@pam", "rackside").withPort(pve.port())
                .withPinnedFingerprint(pve.fingerprint());
        ConnectionTestResult r = test(draft, pve.apiTokenSecret());
        assertTrue(r.ok(), r.message());
        assertEquals("9.1.3", r.pveVersion().orElseThrow());
        assertTrue(r.message().contains("9.1.3") && r.message().contains(r.clusterName().orElseThrow()), r.message());
    }

    @Test
    void testConnectionDiagnosesAClosedPort() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectionProfile draft = ConnectionProfile.token("", "127.0.0.1", "root@pam", "rackside").withPort(closed);
        ConnectionTestResult r = test(draft, "x");
        assertEquals(Diagnosis.Kind.CONNECTION_REFUSED, r.diagnosis().kind(), r.message());
        assertTrue(r.message().contains(String.valueOf(closed)), r.message());
    }

    @Test
    void testConnectionDiagnosesAnUnknownHostName() {
        ConnectionProfile draft = ConnectionProfile.token("", "no-such-host.invalid", "root@pam", "rackside");
        ConnectionTestResult r = test(draft, "x");
        assertEquals(Diagnosis.Kind.DNS_FAILURE, r.diagnosis().kind(), r.message());
        assertTrue(r.message().contains("no-such-host.invalid"), r.message());
    }

    @Test
    void testConnectionDiagnosesABadToken() {
        ConnectionProfile draft = ConnectionProfile.token("", pve.host(), "root@pam", "rackside")
                .withPort(pve.port()).withPinnedFingerprint(pve.fingerprint());
        assertEquals(Diagnosis.Kind.AUTHENTICATION_FAILED, test(draft, "00000000-0000-0000-0000-000000000000").diagnosis().kind());
    }
}
