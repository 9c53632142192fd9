package dev.rackside.s3.profiles;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.Optional;

/// Where a saved endpoint's credentials come from. None of these holds a secret: a secret key lives
/// in the OS keychain, and `~/.aws` profiles are read where aws-cli keeps them.
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CredentialSource.KeychainKeys.class, name = "keychain-keys"),
        @JsonSubTypes.Type(value = CredentialSource.AwsProfile.class, name = "aws-profile"),
        @JsonSubTypes.Type(value = CredentialSource.AssumeRole.class, name = "assume-role")})
public sealed interface CredentialSource {

    /// Whether the secret access key is expected in the keychain (directly or as a role's base).
    boolean needsKeychainSecret();

    /// An access key pair: the id is saved in the profile, the secret key in the keychain under the
    /// profile's [EndpointProfile#keychainAccount()].
    record KeychainKeys(String accessKeyId) implements CredentialSource {
        public KeychainKeys {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("The access key ID must not be blank.");
            }
            accessKeyId = accessKeyId.strip();
        }

        @Override
        public boolean needsKeychainSecret() {
            return true;
        }
    }

    /// A profile of `~/.aws/config` and `~/.aws/credentials`, resolved as aws-cli does: session
    /// tokens, `credential_process`, IAM Identity Center (SSO) after `aws sso login`.
    record AwsProfile(String profile) implements CredentialSource {
        public AwsProfile {
            if (profile == null || profile.isBlank()) {
                throw new IllegalArgumentException("The ~/.aws profile name must not be blank.");
            }
            profile = profile.strip();
        }

        @Override
        public boolean needsKeychainSecret() {
            return false;
        }
    }

    /// A role assumed through STS with `base` credentials (keychain keys or an `~/.aws` profile).
    ///
    /// @param externalId the external ID the role's trust policy asks for, or null
    record AssumeRole(String roleArn, String sessionName, String externalId, CredentialSource base) implements CredentialSource {
        public AssumeRole {
            if (roleArn == null || roleArn.isBlank()) {
                throw new IllegalArgumentException("The role ARN must not be blank.");
            }
            Objects.requireNonNull(base, "base");
            if (base instanceof AssumeRole) {
                throw new IllegalArgumentException("A role's base credentials must be keys or an ~/.aws profile, not another role.");
            }
            roleArn = roleArn.strip();
            sessionName = sessionName == null || sessionName.isBlank() ? "rackside" : sessionName.strip();
            externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
        }

        public Optional<String> externalIdIfAny() {
            return Optional.ofNullable(externalId);
        }

        @Override
        public boolean needsKeychainSecret() {
            return base.needsKeychainSecret();
        }
    }
}
