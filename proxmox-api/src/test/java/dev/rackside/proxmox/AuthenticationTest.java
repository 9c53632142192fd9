package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.client;
import static dev.rackside.proxmox.SimTestSupport.rootPassword;
import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static dev.rackside.proxmox.SimTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.pvesim.RecordedRequest;
import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Token and ticket authentication, renewal before expiry, and the second-factor flow, over HTTPS.
class AuthenticationTest {
    private static SimClock clock;
    private static SimulatedCluster pve;

    @BeforeAll
    static void start() {
        clock = SimClock.system();
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(3, 12).withClock(clock).fast());
    }

    @AfterAll
    static void stop() {
        pve.close();
    }

    @Test
    void apiTokenIsAcceptedAndSentAsPveApiTokenHeader() throws Exception {
        try (ProxmoxClient c = client(pve, rootToken(pve))) {
            var outcome = assertInstanceOf(LoginOutcome.LoggedIn.class, c.login());
            assertEquals("root@pam", outcome.userId());
            assertEquals(9, c.version().major());
        }
    }

    @Test
    void wrongTokenSecretFailsAuthentication() {
        var bad = new Credentials.ApiToken("root@pam", SimulatedCluster.TOKEN_ID, Secret.of("00000000-0000-0000-0000-000000000000"));
        try (ProxmoxClient c = client(pve, bad)) {
            var e = assertThrows(ProxmoxException.AuthenticationFailed.class, c::version);
            assertFalse(e.getMessage().contains("00000000-0000"), "the secret must not leak into the message");
        }
    }

    @Test
    void passwordLoginGetsTicketAndWritesCarryCsrfToken() throws Exception {
        try (ProxmoxClient c = client(pve, rootPassword())) {
            var outcome = assertInstanceOf(LoginOutcome.LoggedIn.class, c.login());
            assertEquals("root@pam", outcome.userId());
            assertFalse(outcome.clusterName().isEmpty(), "root has Sys.Audit on / in a cluster, so PVE names the cluster");
            // A write with a ticket needs the CSRF token; the simulator refuses writes without it.
            var vm = SimTestSupport.guest(c, g -> !g.running() && g.guestType() == dev.rackside.proxmox.model.GuestType.QEMU);
            var upid = c.guests().power(vm.ref(), dev.rackside.proxmox.model.PowerAction.START);
            assertEquals("qmstart", upid.type());
        }
    }

    @Test
    void wrongPasswordFails() {
        var bad = new Credentials.Password("root", "pam", Secret.of("wrong"));
        try (ProxmoxClient c = client(pve, bad)) {
            assertThrows(ProxmoxException.AuthenticationFailed.class, c::login);
        }
    }

    @Test
    void ticketIsRenewedBeforeItExpires() throws Exception {
        try (ProxmoxClient c = client(pve, rootPassword())) {
            c.login();
            pve.clearRequests();
            clock.advance(Duration.ofMinutes(70)); // past the client's 1 h renewal point, within PVE's 2 h lifetime
            c.cluster().status();
            List<RecordedRequest> seen = pve.requests();
            assertEquals("POST /access/ticket", seen.get(0).method() + " " + seen.get(0).path());
            assertTrue(seen.get(0).params().get("password").getFirst().startsWith("PVE:root@pam:"),
                    "renewal posts the current ticket as the password");
            assertEquals(200, seen.get(0).status());
            assertEquals(200, seen.get(1).status());
        }
    }

    @Test
    void expiredTicketFallsBackToPasswordLogin() throws Exception {
        try (ProxmoxClient c = client(pve, rootPassword())) {
            c.login();
            pve.clearRequests();
            clock.advance(Duration.ofHours(3)); // laptop slept through the whole lifetime
            c.cluster().status();
            List<RecordedRequest> seen = pve.requests();
            assertEquals(401, seen.get(0).status(), "the stale ticket is refused by the server");
            assertEquals("POST /access/ticket", seen.get(1).method() + " " + seen.get(1).path());
            assertEquals(200, seen.get(1).status());
        }
    }

    @Test
    void staleTicketIsRejectedWhenTheClientDoesNotRenew() throws Exception {
        // A client whose clock stands still never renews: the server's expiry must bite.
        InstantSource frozen = InstantSource.fixed(clock.instant());
        try (ProxmoxClient c = client(pve, new Credentials.Password("root", "pam", Secret.of(SimulatedCluster.ROOT_PASSWORD)), frozen)) {
            c.login();
            clock.advance(Duration.ofHours(2).plusMinutes(10));
            pve.clearRequests();
            c.cluster().status(); // first try is refused, then the session logs in again with the password
            assertEquals(401, pve.requests().getFirst().status());
        }
    }

    @Test
    void secondFactorTotpAndRecoveryKeys() throws Exception {
        pve.addUser("ops@pve", "secret-pw");
        pve.grant("/", "ops@pve", "PVEAuditor");
        List<String> recovery = pve.enrollSecondFactor("ops@pve");
        var creds = new Credentials.Password("ops", "pve", Secret.of("secret-pw"));
        try (ProxmoxClient c = client(pve, creds)) {
            var need = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, c.login());
            assertTrue(need.challenge().totp());
            assertEquals(10, need.challenge().recoveryKeysLeft().size());
            assertThrows(ProxmoxException.AuthenticationFailed.class, c::version, "no access before the second factor");
            String wrong = pve.currentTotp("ops@pve").equals("000000") ? "111111" : "000000";
            assertThrows(ProxmoxException.AuthenticationFailed.class,
                    () -> c.completeLogin(new LoginOutcome.SecondFactor.Totp(wrong)));
        }
        try (ProxmoxClient c = client(pve, creds)) {
            c.login();
            var ok = assertInstanceOf(LoginOutcome.LoggedIn.class,
                    c.completeLogin(new LoginOutcome.SecondFactor.Totp(pve.currentTotp("ops@pve"))));
            assertEquals("ops@pve", ok.userId());
            assertTrue(c.cluster().status().nodes().size() >= 3);
        }
        try (ProxmoxClient c = client(pve, creds)) {
            c.login();
            assertInstanceOf(LoginOutcome.LoggedIn.class, c.completeLogin(new LoginOutcome.SecondFactor.RecoveryKey(recovery.get(3))));
        }
        try (ProxmoxClient c = client(pve, creds)) {
            var need = assertInstanceOf(LoginOutcome.SecondFactorRequired.class, c.login());
            assertEquals(9, need.challenge().recoveryKeysLeft().size(), "a used recovery key is gone");
            assertFalse(need.challenge().recoveryKeysLeft().contains(3));
            assertThrows(ProxmoxException.AuthenticationFailed.class,
                    () -> c.completeLogin(new LoginOutcome.SecondFactor.RecoveryKey(recovery.get(3))), "recovery keys work once");
        }
    }

    @Test
    void specIsNotMutatedByWithers() {
        ConnectionSpec s = spec(pve, rootToken(pve), TrustPolicy.systemCertificateAuthorities());
        assertEquals(s.port(), s.withTrust(TrustPolicy.pinned(pve.fingerprint())).port());
        assertInstanceOf(TrustPolicy.SystemCertificateAuthorities.class, s.trust());
    }
}
