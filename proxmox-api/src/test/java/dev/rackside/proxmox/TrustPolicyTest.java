package dev.rackside.proxmox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.Upid;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
    private static final String FP = "80:D4:F2:DF:64:95:CD:8D:A0:82:82:AC:48:BA:C0:7A:1B:6B:87:8B:FE:B9:83:1C:95:4E:79:58:77:99:69:F5";

    @Test
    void pinsCompareWhateverTheNotation() {
        var pin = new TrustPolicy.PinnedCertificate(FP.toLowerCase().replace(":", ""));
        assertEquals(FP, pin.sha256Fingerprint());
        assertTrue(pin.matches(FP));
        assertFalse(pin.matches(FP.replace("F5", "F6")));
    }

    @Test
    void rejectsWhatIsNotASha256Fingerprint() {
        assertThrows(IllegalArgumentException.class, () -> TrustPolicy.pinned("AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> TrustPolicy.pinned(FP.replace("80", "ZZ")));
    }

    @Test
    void secretsNeverPrint() {
        Secret s = Secret.of("hunter2");
        assertFalse(s.toString().contains("hunter2"));
        var token = new Credentials.ApiToken("root@pam", "rackside", s);
        assertFalse(token.toString().contains("hunter2"), token.toString());
        var pw = new Credentials.Password("root", "pam", s);
        assertFalse(pw.toString().contains("hunter2"));
        assertEquals("root@pam", pw.userId());
        assertFalse(new LoginOutcome.SecondFactor.Totp("123456").toString().contains("123456"));
    }

    @Test
    void upidsParseIncludingTokensAndEmptyIds() {
        Upid u = Upid.parse("UPID:pve1:0020C066:042DF204:69C26EB0:vzdump::root@pam!backup:");
        assertEquals("pve1", u.node());
        assertEquals(0x20C066, u.pid());
        assertEquals(Instant.ofEpochSecond(0x69C26EB0L), u.startTime());
        assertEquals("vzdump", u.type());
        assertEquals("", u.id());
        assertEquals("root@pam!backup", u.user());
        assertThrows(IllegalArgumentException.class, () -> Upid.parse("UPID:pve1:nothex:1:2:qmstart:100:root@pam:"));
        assertThrows(IllegalArgumentException.class, () -> Upid.parse("not a upid"));
    }

    @Test
    void ipv6HostsAreBracketed() {
        var spec = ConnectionSpec.of("fd00::1", new Credentials.ApiToken("root@pam", "t", Secret.of("x")),
                TrustPolicy.systemCertificateAuthorities());
        assertEquals("https://[fd00::1]:8006", spec.baseUrl());
    }
}
