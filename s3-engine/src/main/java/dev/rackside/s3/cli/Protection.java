package dev.rackside.s3.cli;

import dev.rackside.s3.ClientSideKey;
import dev.rackside.s3.Encryption;
import dev.rackside.s3.S3EngineException;
import dev.rackside.s3.TransferRequest;
import java.nio.file.Path;
import java.util.Optional;

/// How a command encrypts what it uploads and opens what it downloads: the choice of an endpoint
/// saved in the Rackside app (its client-side key from the OS keychain), or aws-cli's `--sse` and
/// `--sse-kms-key-id`, which win for server-side encryption.
///
/// @param sse        what the server is asked to do with each upload
/// @param clientKey  the endpoint's client-side key when it has one here: it opens the objects it
///                   encrypted, and encrypts uploads when `clientSide`
/// @param clientSide whether the endpoint encrypts uploads on this computer
/// @param endpoint   the endpoint's name, for messages
record Protection(Encryption sse, Optional<ClientSideKey> clientKey, boolean clientSide, String endpoint) {

    static Protection none() {
        return new Protection(Encryption.none(), Optional.empty(), false, "");
    }

    /// The same, asking the server for `serverSide` instead.
    Protection withSse(Encryption serverSide) {
        return new Protection(serverSide, clientKey, clientSide, endpoint);
    }

    /// An upload of `local` to `bucket/key`, encrypted as this says (see [#uploadKey()]).
    TransferRequest.Upload upload(Path local, String bucket, String key) {
        return new TransferRequest.Upload(local, bucket, key, sse, uploadKey());
    }

    /// A download of `bucket/key` to `local`, opened with the client-side key when it has one.
    TransferRequest.Download download(String bucket, String key, Path local) {
        return new TransferRequest.Download(bucket, key, local, Encryption.none(), clientKey);
    }

    /// The key each upload is encrypted with.
    ///
    /// @throws S3EngineException.Misconfigured when the endpoint encrypts on this computer but its
    ///         key is not here: nothing may go out in clear instead
    Optional<ClientSideKey> uploadKey() {
        if (clientSide && clientKey.isEmpty()) {
            throw new S3EngineException.Misconfigured("Nothing was uploaded: \"" + endpoint + "\" encrypts uploads on"
                    + " this computer, but its key is not in this computer's keychain. In the Rackside app, edit the"
                    + " endpoint and paste its key (Copy key on the computer that has it).", null);
        }
        return clientSide ? clientKey : Optional.empty();
    }

    /// The size an upload of `plain` bytes has on the server, to tell whether sync must send it again.
    long storedSize(long plain) {
        return clientSide ? ClientSideKey.encryptedLength(plain) : plain;
    }

    /// Whether a local file of `local` bytes may be the download of an object of `stored` bytes
    /// (as it is, or decrypted with the endpoint's key).
    boolean sameSize(long local, long stored) {
        return local == stored || clientKey.isPresent() && ClientSideKey.encryptedLength(local) == stored;
    }
}
