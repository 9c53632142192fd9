package dev.rackside.s3;

import java.util.Objects;
import java.util.Optional;

/// Where an endpoint's credentials come from.
public sealed interface S3Credentials {

    /// An access key pair typed in by the operator, optionally with a session token.
    record StaticKeys(String accessKeyId, Secret secretAccessKey, Optional<Secret> sessionToken) implements S3Credentials {
        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        public StaticKeys(String accessKeyId, Secret secretAccessKey) {
            this(accessKeyId, secretAccessKey, Optional.empty());
        }

        @Override
        public String toString() {
            return "StaticKeys[" + accessKeyId + "]";
        }
    }

    /// A named profile of `~/.aws/config` and `~/.aws/credentials`, resolved by the SDK, so
    /// session tokens, `credential_process` and IAM Identity Center (SSO) work as in aws-cli.
    record Profile(String name) implements S3Credentials {
        public Profile {
            Objects.requireNonNull(name, "name");
        }
    }

    /// A role assumed through STS with the given base credentials; refreshed before it expires.
    record AssumeRole(S3Credentials base, String roleArn, String sessionName, Optional<String> externalId)
            implements S3Credentials {
        public AssumeRole {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(sessionName, "sessionName");
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /// Credentials that cannot be had (a secret missing from the keychain, a keychain that does not
    /// answer): the engine opens, and every request fails with [S3EngineException.Misconfigured]
    /// carrying `reason`, so the endpoint can still be shown, edited and diagnosed.
    record Unavailable(String reason) implements S3Credentials {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /// The SDK's default chain: environment, system properties, `AWS_PROFILE`, container and
    /// instance roles. What the CLI uses when no keys are given.
    record DefaultChain() implements S3Credentials {
    }
}
