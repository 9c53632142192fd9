package dev.rackside.proxmox;

import java.util.List;

/// The result of [ProxmoxClient#login()].
public sealed interface LoginOutcome {

    /// Logged in (or, for API tokens, the token was accepted).
    ///
    /// @param clusterName empty for a standalone node, or when the user lacks `Sys.Audit` on `/`
    record LoggedIn(String userId, String clusterName) implements LoginOutcome {
    }

    /// PVE wants a second factor; answer with [ProxmoxClient#completeLogin(SecondFactor)].
    record SecondFactorRequired(TfaChallenge challenge) implements LoginOutcome {
    }

    /// Which second factors the user has. Rackside answers TOTP and recovery keys; WebAuthn, U2F
    /// and Yubico OTP need a browser or a hardware token and are reported so the UI can say so.
    ///
    /// @param recoveryKeysLeft indices of unused recovery keys
    record TfaChallenge(boolean totp, List<Integer> recoveryKeysLeft, boolean webauthn, boolean u2f, boolean yubico) {
        public TfaChallenge {
            recoveryKeysLeft = List.copyOf(recoveryKeysLeft);
        }

        public boolean recovery() {
            return !recoveryKeysLeft.isEmpty();
        }

        /// Whether Rackside can answer this challenge at all.
        public boolean answerable() {
            return totp || recovery();
        }
    }

    /// The operator's answer to a [TfaChallenge].
    sealed interface SecondFactor {
        /// The `password` value PVE expects: `totp:123456` or `recovery:KEY`.
        String wire();

        record Totp(String code) implements SecondFactor {
            @Override
            public String wire() {
                return "totp:" + code.strip();
            }

            @Override
            public String toString() {
                return "Totp[****]";
            }
        }

        record RecoveryKey(String key) implements SecondFactor {
            @Override
            public String wire() {
                return "recovery:" + key.strip();
            }

            @Override
            public String toString() {
                return "RecoveryKey[****]";
            }
        }
    }
}
