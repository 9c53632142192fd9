package dev.rackside.app.feature.s3;

import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.S3Engine;
import dev.rackside.s3.profiles.UploadEncryption;
import java.util.Objects;
import java.util.Optional;

/// One S3 service the console is connected to, as the sidebar shows it.
///
/// @param id         stable identifier (the saved endpoint's id, or `demo-s3`)
/// @param name       what the operator calls it
/// @param engine     the engine talking to it; owned by whoever created the session
/// @param encryption how uploads to it are encrypted
/// @param clientKey  the client-side key from the keychain, when the endpoint has one: uploads are
///                   encrypted with it (in [UploadEncryption.Mode#CLIENT_SIDE]) and downloads of
///                   objects encrypted with it are decrypted
public record S3Session(String id, String name, S3Engine engine, UploadEncryption encryption,
                        Optional<ClientSideKey> clientKey) {
    public S3Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        encryption = encryption == null ? UploadEncryption.none() : encryption;
        Objects.requireNonNull(clientKey, "clientKey");
    }

    /// An endpoint whose uploads Rackside does not encrypt.
    public S3Session(String id, String name, S3Engine engine) {
        this(id, name, engine, UploadEncryption.none(), Optional.empty());
    }

    /// Whether uploads are to be encrypted on this computer but its key is not here: they must not
    /// go out in clear instead.
    public boolean missingClientKey() {
        return encryption.clientSide() && clientKey.isEmpty();
    }

    /// The key uploads are encrypted with, empty when they are not encrypted on this computer.
    public Optional<ClientSideKey> uploadKey() {
        return encryption.clientSide() ? clientKey : Optional.empty();
    }
}
