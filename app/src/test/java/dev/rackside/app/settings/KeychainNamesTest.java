package dev.rackside.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rackside.s3.profiles.EndpointProfile;
import org.junit.jupiter.api.Test;

/// `rackside-s3 --rackside-profile` reads S3 secret keys where this store writes them.
class KeychainNamesTest {
    @Test
    void theCommandLineLooksUnderTheAppsKeychainService() {
        assertEquals(KeychainSecretStore.SERVICE, EndpointProfile.KEYCHAIN_SERVICE);
    }
}
