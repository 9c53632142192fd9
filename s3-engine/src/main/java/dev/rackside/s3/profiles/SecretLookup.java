package dev.rackside.s3.profiles;

import dev.rackside.s3.Secret;
import java.util.Optional;
import java.util.UUID;

/// Finds the secret access key saved for an endpoint profile: the app passes its keychain store,
/// the command line [KeyringSecrets], tests a map.
@FunctionalInterface
public interface SecretLookup {

    /// The secret key saved under the profile `profileId`, or empty when none is.
    ///
    /// @throws RuntimeException with a message for the operator when the keychain cannot be asked
    Optional<Secret> secretKey(UUID profileId);

    /// Knows no secret at all.
    static SecretLookup none() {
        return id -> Optional.empty();
    }
}
