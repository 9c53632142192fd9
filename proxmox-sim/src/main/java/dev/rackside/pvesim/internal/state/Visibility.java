package dev.rackside.pvesim.internal.state;

/// The caller's privileges as the renderers need them: PVE filters list endpoints instead of
/// answering 403, so each row asks whether one privilege is granted on one ACL path.
@FunctionalInterface
public interface Visibility {

    /// Whether the caller holds `privilege` (e.g. `VM.Audit`) on `aclPath` (e.g. `/vms/100`),
    /// with PVE's inheritance already applied.
    boolean canSee(String aclPath, String privilege);

    /// root@pam: sees everything.
    static Visibility all() {
        return (path, privilege) -> true;
    }

    /// A token or user without any ACL entry.
    static Visibility none() {
        return (path, privilege) -> false;
    }
}
