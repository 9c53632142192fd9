package dev.rackside.pvesim.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/// Issues and verifies PVE-format tickets and CSRF tokens (pve-common `Ticket.pm`):
/// ticket `PVE:<userid>:<8 HEX epoch>::<signature>`, CSRF token `<8 HEX epoch>:<signature>`.
/// PVE signs tickets with RSA; an HMAC stands in, which a client cannot tell apart.
public final class Tickets {
    /// Ticket lifetime and clock-skew grace, as PVE: valid from -300 s to +7200 s of age.
    public static final long LIFETIME = 7200;
    public static final long SKEW = 300;

    private final byte[] key = new byte[32];

    public Tickets() {
        new SecureRandom().nextBytes(key);
    }

    public String issue(String prefixAndData, long epoch) {
        return issue(prefixAndData, epoch, "");
    }

    /// A ticket whose signature also covers `aad`, data that is not in the ticket itself (PVE binds
    /// TFA half tickets to the user name this way).
    public String issue(String prefixAndData, long epoch, String aad) {
        String plain = prefixAndData + ":" + hex(epoch);
        return plain + "::" + sign(plain + aad);
    }

    /// The data part of a valid ticket (user id, or the TFA challenge), when its signature and age check out.
    public Optional<String> verify(String ticket, String prefix, long now, long maxAge) {
        return verify(ticket, prefix, now, maxAge, "");
    }

    public Optional<String> verify(String ticket, String prefix, long now, long maxAge, String aad) {
        int sep = ticket.lastIndexOf("::");
        if (sep < 0 || !ticket.startsWith(prefix + ":")) {
            return Optional.empty();
        }
        String plain = ticket.substring(0, sep);
        if (!MessageDigest.isEqual(sign(plain + aad).getBytes(StandardCharsets.US_ASCII),
                ticket.substring(sep + 2).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int timeSep = plain.lastIndexOf(':');
        long issued;
        try {
            issued = Long.parseLong(plain.substring(timeSep + 1), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long age = now - issued;
        if (age < -SKEW || age > maxAge) {
            return Optional.empty();
        }
        return Optional.of(plain.substring(prefix.length() + 1, timeSep));
    }

    public String csrfToken(String userId, long epoch) {
        String h = hex(epoch);
        return h + ":" + sign(h + ":" + userId);
    }

    public boolean verifyCsrf(String token, String userId, long now) {
        if (token == null) {
            return false;
        }
        int sep = token.indexOf(':');
        if (sep != 8) {
            return false;
        }
        try {
            long issued = Long.parseLong(token.substring(0, sep), 16);
            long age = now - issued;
            return age >= -SKEW && age <= LIFETIME
                    && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                    csrfToken(userId, issued).getBytes(StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(long epoch) {
        return HexFormat.of().withUpperCase().toHexDigits((int) epoch).toUpperCase(Locale.ROOT);
    }
}
