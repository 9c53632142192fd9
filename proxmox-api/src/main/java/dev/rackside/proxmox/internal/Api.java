package dev.rackside.proxmox.internal;

import dev.rackside.proxmox.ProxmoxException;

/// One authenticated call: the transport plus the session's credentials.
public record Api(HttpTransport transport, AuthSession session) {

    public ApiResponse get(String path, Params params) throws ProxmoxException {
        return call("GET", path, params);
    }

    public ApiResponse post(String path, Params params) throws ProxmoxException {
        return call("POST", path, params);
    }

    public ApiResponse put(String path, Params params) throws ProxmoxException {
        return call("PUT", path, params);
    }

    public ApiResponse delete(String path, Params params) throws ProxmoxException {
        return call("DELETE", path, params);
    }

    private ApiResponse call(String method, String path, Params params) throws ProxmoxException {
        try {
            return transport.execute(method, path, params, session);
        } catch (ProxmoxException.AuthenticationFailed rejected) {
            // One fresh login, then one more try; a second refusal is real.
            if (session.relogin()) {
                return transport.execute(method, path, params, session);
            }
            throw rejected;
        }
    }

    /// Path segments such as node names and UPIDs are sent as they are; OkHttp percent-encodes them.
    public static String segment(String value) {
        if (value.isEmpty() || value.contains("/")) {
            throw new IllegalArgumentException("not a path segment: '" + value + "'");
        }
        return value;
    }
}
