package dev.rackside.pvesim.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rackside.pvesim.SimClock;
import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.Caller;
import dev.rackside.pvesim.internal.auth.SecondFactors;
import dev.rackside.pvesim.internal.auth.Tickets;
import dev.rackside.pvesim.internal.http.ApiError;
import dev.rackside.pvesim.internal.http.Call;
import dev.rackside.pvesim.internal.http.Reply;
import dev.rackside.pvesim.internal.http.Routes;
import dev.rackside.pvesim.internal.tasks.ClusterLog;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/// `POST /access/ticket` (login, renewal, second factor) and `GET /access/domains`, as in
/// pve-access-control `API2/AccessControl.pm` (pve-behaviour.md §4.1).
public final class AccessHandlers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /// A half ticket must be answered within this many seconds.
    private static final long TFA_WINDOW = 120;
    private static final Map<String, String> CAP_PATHS = Map.of("vms", "/vms", "storage", "/storage", "access", "/access",
            "nodes", "/nodes", "dc", "/", "sdn", "/sdn", "mapping", "/mapping");
    private static final Map<String, Set<String>> CAP_PREFIXES = Map.of("vms", Set.of("VM.", "Permissions."),
            "storage", Set.of("Datastore.", "Permissions."), "access", Set.of("User.", "Group.", "Realm.", "Permissions."),
            "nodes", Set.of("Sys.", "Permissions."), "dc", Set.of("Sys.Audit", "Sys.Modify", "SDN.", "Permissions."),
            "sdn", Set.of("SDN.", "Permissions."), "mapping", Set.of("Mapping.", "Permissions."));

    private final AccessControl acl;
    private final Tickets tickets;
    private final SecondFactors tfa;
    private final SimClock clock;
    private final ClusterLog log;
    private final String clusterName;
    private final String localNode;
    private final BooleanSupplier clustered;

    public AccessHandlers(AccessControl acl, Tickets tickets, SecondFactors tfa, SimClock clock, ClusterLog log,
                          String clusterName, String localNode, BooleanSupplier clustered) {
        this.acl = acl;
        this.tickets = tickets;
        this.tfa = tfa;
        this.clock = clock;
        this.log = log;
        this.clusterName = clusterName;
        this.localNode = localNode;
        this.clustered = clustered;
    }

    public void register(Routes routes) {
        routes.add("POST", "/access/ticket", this::ticket);
        routes.add("GET", "/access/ticket", call -> Reply.of(null));
        routes.add("GET", "/access/domains", call -> Reply.of(domains()));
    }

    private Reply ticket(Call call) {
        String user = call.string("username");
        if (call.has("realm") && !user.contains("@")) {
            user = user + "@" + call.string("realm");
        }
        String password = call.string("password", "");
        long now = clock.epochSecond();
        if (call.has("tfa-challenge")) {
            if (call.has("otp")) {
                throw failed(user);
            }
            String challenge = call.string("tfa-challenge");
            var data = tickets.verify(challenge, "PVE", now, TFA_WINDOW, user);
            if (data.isEmpty() || !data.get().startsWith("!tfa!") || !tfa.verify(user, password, clock.instant())) {
                throw failed(user);
            }
            return Reply.of(fullTicket(user, now));
        }
        // Renewal: a still-valid ticket of the same user is accepted as the password.
        if (password.startsWith("PVE:")) {
            var owner = tickets.verify(password, "PVE", now, Tickets.LIFETIME);
            if (owner.isPresent() && owner.get().equals(user)) {
                return Reply.of(fullTicket(user, now));
            }
            throw failed(user);
        }
        if (!acl.checkPassword(user, password)) {
            throw failed(user);
        }
        if (tfa.enrolled(user)) {
            // Only ':' is escaped in the challenge (Ticket.pm uri_escape($data, ':')); the user is bound
            // into the signature so a half ticket cannot be replayed for someone else.
            String data = "!tfa!" + tfa.challengeJson(user).replace(":", "%3A");
            String half = tickets.issue("PVE:" + data, now, user);
            ObjectNode r = F.objectNode();
            r.put("username", user);
            r.put("ticket", half);
            r.put("CSRFPreventionToken", tickets.csrfToken(user, now));
            r.put("NeedTFA", 1);
            return Reply.of(r);
        }
        log.add(localNode, user, "pvedaemon", 6, "successful auth for user '" + user + "'");
        return Reply.of(fullTicket(user, now));
    }

    private ObjectNode fullTicket(String user, long now) {
        ObjectNode r = F.objectNode();
        r.put("username", user);
        r.put("ticket", tickets.issue("PVE:" + user, now));
        r.put("CSRFPreventionToken", tickets.csrfToken(user, now));
        Caller caller = new Caller(user, null);
        r.set("cap", cap(caller));
        if (clustered.getAsBoolean() && acl.has(caller, "/", "Sys.Audit")) {
            r.put("clustername", clusterName);
        }
        return r;
    }

    private ObjectNode cap(Caller caller) {
        ObjectNode cap = F.objectNode();
        CAP_PATHS.forEach((group, path) -> {
            ObjectNode g = cap.putObject(group);
            for (String p : acl.privileges(caller, path)) {
                if (CAP_PREFIXES.get(group).stream().anyMatch(p::startsWith)) {
                    g.put(p, 1);
                }
            }
        });
        return cap;
    }

    private ApiError failed(String user) {
        log.add(localNode, "root@pam", "pvedaemon", 3, "authentication failure; rhost=::ffff:127.0.0.1 user=" + user + " msg=");
        return ApiError.status(401, "authentication failure\n");
    }

    private static ArrayNode domains() {
        ArrayNode a = F.arrayNode();
        a.addObject().put("realm", "pam").put("type", "pam").put("comment", "Linux PAM standard authentication");
        a.addObject().put("realm", "pve").put("type", "pve").put("comment", "Proxmox VE authentication server");
        return a;
    }
}
