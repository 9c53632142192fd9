package dev.rackside.pvesim.internal.api;

import dev.rackside.pvesim.internal.auth.AccessControl;
import dev.rackside.pvesim.internal.auth.Caller;
import dev.rackside.pvesim.internal.http.ApiError;
import dev.rackside.pvesim.internal.http.Call;
import dev.rackside.pvesim.internal.http.Reply;
import dev.rackside.pvesim.internal.http.Routes;
import dev.rackside.pvesim.internal.state.ClusterState;
import dev.rackside.pvesim.internal.state.Guest;
import dev.rackside.pvesim.internal.state.GuestKind;
import dev.rackside.pvesim.internal.state.Visibility;
import java.util.function.Function;

/// Read-only inventory endpoints. List endpoints filter by privilege instead of refusing (PVE
/// behaviour); per-guest endpoints answer for the node named in the URL only, like PVE, which runs
/// the request on that node and finds no config file there for a guest that lives elsewhere.
public final class InventoryHandlers {
    private final ClusterState state;
    private final AccessControl acl;
    private final Function<String, String> fingerprintOf;

    public InventoryHandlers(ClusterState state, AccessControl acl, Function<String, String> fingerprintOf) {
        this.state = state;
        this.acl = acl;
        this.fingerprintOf = fingerprintOf;
    }

    public void register(Routes r) {
        r.add("GET", "/version", call -> Reply.of(state.version()));
        r.add("GET", "/cluster/status", call -> Reply.of(state.clusterStatus()));
        r.add("GET", "/cluster/resources", call -> Reply.of(state.clusterResources(call.string("type"), visibility(call.caller()))));
        r.add("GET", "/nodes", call -> Reply.of(state.nodes(fingerprintOf, visibility(call.caller()))));
        r.add("GET", "/nodes/{node}/status", call -> Reply.of(state.nodeStatus(call.string("node"))));
        r.add("GET", "/nodes/{node}/rrddata", call -> Reply.of(state.nodeRrd(call.string("node"),
                call.string("timeframe"), "MAX".equals(call.string("cf")))));
        r.add("GET", "/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces", this::agentInterfaces);
        r.add("GET", "/nodes/{node}/lxc/{vmid}/interfaces", call -> Reply.of(state.lxcInterfaces(guest(call, GuestKind.LXC))));
        for (GuestKind kind : GuestKind.values()) {
            String base = "/nodes/{node}/" + kind.wire();
            r.add("GET", base, call -> Reply.of(state.guestList(call.string("node"), kind, call.flag("full"),
                    visibility(call.caller()))));
            r.add("GET", base + "/{vmid}/status/current", call -> Reply.of(state.guestStatus(guest(call, kind))));
            r.add("GET", base + "/{vmid}/config", call -> Reply.of(state.guestConfig(guest(call, kind))));
            r.add("GET", base + "/{vmid}/rrddata", call -> Reply.of(state.guestRrd(guest(call, kind),
                    call.string("timeframe"), "MAX".equals(call.string("cf")))));
        }
    }

    private Reply agentInterfaces(Call call) {
        try {
            return Reply.of(state.agentInterfaces(guest(call, GuestKind.QEMU)));
        } catch (IllegalStateException refused) {
            throw ApiError.fail(refused.getMessage()); // qemu-server dies with these texts: HTTP 500
        }
    }

    private Guest guest(Call call, GuestKind kind) {
        String node = call.string("node");
        int vmid = (int) call.integer("vmid", 0);
        return state.guest(vmid).filter(g -> g.type() == kind && g.node().equals(node))
                .orElseThrow(() -> ApiError.fail("Configuration file 'nodes/" + node + "/"
                        + (kind == GuestKind.QEMU ? "qemu-server" : "lxc") + "/" + vmid + ".conf' does not exist"));
    }

    private Visibility visibility(Caller caller) {
        return (path, privilege) -> acl.has(caller, path, privilege);
    }
}
