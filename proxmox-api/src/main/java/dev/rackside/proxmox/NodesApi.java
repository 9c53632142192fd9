package dev.rackside.proxmox;

import dev.rackside.proxmox.internal.Api;
import dev.rackside.proxmox.internal.InventoryDecoder;
import dev.rackside.proxmox.internal.Params;
import dev.rackside.proxmox.internal.RrdDecoder;
import dev.rackside.proxmox.model.NodeStatus;
import dev.rackside.proxmox.model.RrdSeries;
import dev.rackside.proxmox.model.RrdTimeframe;
import dev.rackside.proxmox.model.NodeSummary;
import java.util.List;

/// Per-node reads.
public final class NodesApi {
    private final Api api;

    NodesApi(Api api) {
        this.api = api;
    }

    /// `GET /nodes`, including each node's certificate fingerprint (`ssl_fingerprint`).
    public List<NodeSummary> list() throws ProxmoxException {
        return InventoryDecoder.nodes(api.get("/nodes", Params.of()).data());
    }

    /// `GET /nodes/{node}/status` (needs `Sys.Audit`). An offline node answers with
    /// [ProxmoxException.NodeUnreachable].
    public NodeStatus status(String node) throws ProxmoxException {
        return InventoryDecoder.nodeStatus(api.get("/nodes/" + Api.segment(node) + "/status", Params.of()).data());
    }

    /// `GET /nodes/{node}/rrddata` (needs `Sys.Audit`). `DECADE` needs PVE 9.
    public RrdSeries rrd(String node, RrdTimeframe timeframe, boolean maximum) throws ProxmoxException {
        return RrdDecoder.series(api.get("/nodes/" + Api.segment(node) + "/rrddata",
                Params.of().add("timeframe", timeframe.wire()).add("cf", maximum ? "MAX" : "AVERAGE")).data());
    }
}
