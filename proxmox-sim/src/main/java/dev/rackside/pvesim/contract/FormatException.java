package dev.rackside.pvesim.contract;

/// A format verifier's `die` text, kept verbatim (usually ending in "\n") because PVE puts
/// it after "invalid format - " in the error it returns.
final class FormatException extends RuntimeException {

    FormatException(String perlDieMessage) {
        super(perlDieMessage, null, false, false);
    }
}
