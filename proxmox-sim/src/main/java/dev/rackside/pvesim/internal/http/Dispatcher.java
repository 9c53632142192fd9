package dev.rackside.pvesim.internal.http;

import dev.rackside.pvesim.RecordedRequest;
import dev.rackside.pvesim.contract.ApiContract;
import dev.rackside.pvesim.contract.EndpointMatch;
import dev.rackside.pvesim.contract.ParameterValidator;
import dev.rackside.pvesim.contract.ValidationResult;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.Caller;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/// One API request through pveproxy's stages, in PVE's order (pve-behaviour.md §0.1): authenticate,
/// route, token gate, permissions, proxy to the node, validate parameters, run the handler.
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("dev.rackside.pvesim");

    /// Whether a node exists (empty: unknown name) and is online.
    public interface NodeDirectory {
        Optional<Boolean> online(String node);

        String localNode();
    }

    /// What goes back on the wire. `body` null means no body at all (auth failures, proxy errors);
    /// `json` false marks pveproxy's plain-text transport errors.
    public record Outcome(int status, String reason, byte[] body, boolean json) {
    }

    private final ApiContract contract;
    private final Routes routes;
    private final Authentication authentication;
    private final AccessControl acl;
    private final NodeDirectory nodes;
    private final Consumer<RecordedRequest> recorder;
    private final Runnable beforeEach;

    public Dispatcher(ApiContract contract, Routes routes, Authentication authentication, AccessControl acl,
                      NodeDirectory nodes, Consumer<RecordedRequest> recorder, Runnable beforeEach) {
        this.contract = contract;
        this.routes = routes;
        this.authentication = authentication;
        this.acl = acl;
        this.nodes = nodes;
        this.recorder = recorder;
        this.beforeEach = beforeEach;
    }

    public Outcome dispatch(String method, String path, Map<String, List<String>> params, Function<String, String> header) {
        Outcome out;
        try {
            beforeEach.run(); // finish due tasks first, so every answer reflects their effects
            out = success(handle(method, path, params, header));
        } catch (ApiError e) {
            out = failure(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator handler failed for " + method + " " + path, e);
            out = failure(ApiError.fail(String.valueOf(e.getMessage())));
        }
        recorder.accept(new RecordedRequest(method, path, params, out.status()));
        return out;
    }

    private Reply handle(String method, String path, Map<String, List<String>> params, Function<String, String> header) {
        Caller caller = Authentication.exempt(method, path) ? null : authentication.authenticate(method, path, header);
        EndpointMatch match = contract.match(method, path).orElseThrow(() -> notImplemented(method, path));
        var endpoint = match.endpoint();
        if (caller != null && caller.isToken() && !endpoint.allowToken()) {
            throw ApiError.status(403, "Permission check failed (URI '" + path
                    + "' not available with API token, need proper ticket.\n)\n");
        }
        Map<String, String> raw = new HashMap<>(match.pathParameters());
        params.forEach((k, v) -> raw.putIfAbsent(k, v.isEmpty() ? "" : v.getFirst()));
        if (caller != null) {
            Permissions.check(endpoint.permissions(), caller, raw, acl);
        }
        endpoint.proxyTo().ifPresent(p -> proxy(raw.get(p)));
        ValidationResult validated = ParameterValidator.validate(match, params);
        if (!validated.isValid()) {
            throw ApiError.parameters(validated.errors());
        }
        Handler handler = routes.find(method, endpoint.pathTemplate());
        if (handler == null) {
            // In the schema but not simulated: say so rather than invent an answer.
            throw ApiError.status(501, "Method '" + method + " " + path + "' not implemented");
        }
        return handler.handle(new Call(method, path, validated.values(), caller));
    }

    /// pveproxy forwards `proxyto` requests to the node; an offline node cannot answer.
    private void proxy(String node) {
        if (node == null || node.equals("localhost") || node.equals(nodes.localNode())) {
            return;
        }
        Optional<Boolean> online = nodes.online(node);
        if (online.isEmpty()) {
            throw ApiError.fail("hostname lookup '" + node + "' failed - failed to get address info for: " + node
                    + ": Name or service not known");
        }
        if (!online.get()) {
            throw ApiError.unreachable(595, "No route to host");
        }
    }

    private static ApiError notImplemented(String method, String path) {
        return ApiError.status(501, "Method '" + method + " " + path + "' not implemented");
    }

    private Outcome success(Reply reply) {
        return new Outcome(200, "OK", PveJson.success(reply.data(), reply.total(), new SplittableRandom(java.util.concurrent.ThreadLocalRandom.current().nextLong())), true);
    }

    private Outcome failure(ApiError e) {
        byte[] body = e.jsonBody() ? PveJson.error(e.getMessage(), e.errors(), new SplittableRandom(java.util.concurrent.ThreadLocalRandom.current().nextLong())) : null;
        return new Outcome(e.status(), e.reasonPhrase(), body, true);
    }
}
