package dev.rackside.app.feature.connections;

import java.util.Optional;

/// What "Test connection" found.
///
/// @param diagnosis   OK, or the precise reason it failed, with a message for the operator
/// @param pveVersion  the pve-manager version, when the test got that far
/// @param clusterName the cluster's name; empty for a standalone node or when it could not be read
public record ConnectionTestResult(Diagnosis diagnosis, Optional<String> pveVersion, Optional<String> clusterName) {

    static ConnectionTestResult failed(Diagnosis d) {
        return new ConnectionTestResult(d, Optional.empty(), Optional.empty());
    }

    public boolean ok() {
        return diagnosis.ok();
    }

    public String message() {
        return diagnosis.message();
    }
}
