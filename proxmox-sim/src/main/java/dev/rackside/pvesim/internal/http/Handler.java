package dev.rackside.pvesim.internal.http;

/// The simulated implementation of one endpoint (method + path template of the schema).
/// Authentication, permission checks and parameter validation have already happened.
@FunctionalInterface
public interface Handler {
    Reply handle(Call call) throws ApiError;
}
