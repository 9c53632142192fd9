package dev.rackside.pvesim.internal.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/// TOTP and recovery keys of users with a second factor (proxmox-tfa semantics: ten recovery keys
/// `xxxx-xxxx-xxxx-xxxx`, each usable once; the challenge lists the unused ones by index).
public final class SecondFactors {
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    private record Entry(byte[] totpKey, List<String> recovery, boolean[] used) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /// Gives `userId` a TOTP key and ten recovery keys; returns the recovery keys.
    public List<String> enroll(String userId) {
        byte[] key = new byte[20];
        random.nextBytes(key);
        List<String> recovery = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] b = new byte[8];
            random.nextBytes(b);
            String h = HexFormat.of().formatHex(b);
            recovery.add(h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16));
        }
        entries.put(userId, new Entry(key, List.copyOf(recovery), new boolean[10]));
        return List.copyOf(recovery);
    }

    public boolean enrolled(String userId) {
        return entries.containsKey(userId);
    }

    /// The challenge JSON PVE embeds in the half ticket: `{"totp":true,"recovery":[0,1,…]}`.
    public String challengeJson(String userId) {
        Entry e = entries.get(userId);
        StringBuilder idx = new StringBuilder();
        for (int i = 0; i < e.used().length; i++) {
            if (!e.used()[i]) {
                idx.append(idx.isEmpty() ? "" : ",").append(i);
            }
        }
        return idx.isEmpty() ? "{\"totp\":true}" : "{\"totp\":true,\"recovery\":[" + idx + "]}";
    }

    /// The current code, for tests and the demo (the operator's authenticator app in real life).
    public String currentCode(String userId, Instant now) {
        return code(entries.get(userId).totpKey(), now);
    }

    /// Checks `totp:123456` or `recovery:KEY`; a TOTP code of the previous or next 30 s step is accepted.
    public synchronized boolean verify(String userId, String response, Instant now) {
        Entry e = entries.get(userId);
        if (e == null) {
            return false;
        }
        if (response.startsWith("totp:")) {
            String given = response.substring(5).strip();
            for (int step = -1; step <= 1; step++) {
                if (code(e.totpKey(), now.plus(Duration.ofSeconds(30L * step))).equals(given)) {
                    return true;
                }
            }
            return false;
        }
        if (response.startsWith("recovery:")) {
            String given = response.substring(9).strip().toLowerCase(Locale.ROOT);
            int i = e.recovery().indexOf(given);
            if (i >= 0 && !e.used()[i]) {
                e.used()[i] = true;
                return true;
            }
        }
        return false;
    }

    private static String code(byte[] key, Instant at) {
        try {
            return String.format("%06d", TOTP.generateOneTimePassword(new SecretKeySpec(key, TOTP.getAlgorithm()), at));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
