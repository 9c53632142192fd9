package dev.rackside.pvesim.internal.http;

import java.util.Map;

/// An error answer exactly as pveproxy would send it: status, message (its first line becomes the
/// reason phrase), optional per-parameter `errors`, and whether it has a JSON body at all
/// (authentication failures have none).
public final class ApiError extends RuntimeException {
    private final int status;
    private final Map<String, String> errors;
    private final boolean jsonBody;

    private ApiError(int status, String message, Map<String, String> errors, boolean jsonBody) {
        super(message, null, false, false);
        this.status = status;
        this.errors = Map.copyOf(errors);
        this.jsonBody = jsonBody;
    }

    /// A plain `die "message\n"` in a PVE handler: HTTP 500.
    public static ApiError fail(String message) {
        return new ApiError(500, message + "\n", Map.of(), true);
    }

    public static ApiError status(int status, String message) {
        return new ApiError(status, message, Map.of(), true);
    }

    /// `raise_param_exc`: 400 "Parameter verification failed." with the errors map.
    public static ApiError parameters(Map<String, String> errors) {
        return new ApiError(400, "Parameter verification failed.\n", errors, true);
    }

    public static ApiError parameter(String name, String message) {
        return parameters(Map.of(name, message));
    }

    /// 403 as `raise_perm_exc` formats it.
    public static ApiError permission(String path, String privilege) {
        return new ApiError(403, "Permission check failed (" + path + ", " + privilege + ")\n", Map.of(), true);
    }

    /// 401 from pveproxy's auth handler: reason phrase only, no body.
    public static ApiError unauthenticated(String reason) {
        return new ApiError(401, reason, Map.of(), false);
    }

    /// AnyEvent::HTTP pseudo-status when pveproxy cannot reach the node it proxies to: no body.
    public static ApiError unreachable(int status, String reason) {
        return new ApiError(status, reason, Map.of(), false);
    }

    public int status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean jsonBody() {
        return jsonBody;
    }

    /// The HTTP reason phrase: the first line of the message.
    public String reasonPhrase() {
        String m = getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
