package dev.rackside.proxmox;

import dev.rackside.proxmox.internal.Api;
import dev.rackside.proxmox.internal.GuestDecoder;
import dev.rackside.proxmox.internal.Params;
import dev.rackside.proxmox.model.GuestConfig;
import dev.rackside.proxmox.model.GuestRef;
import dev.rackside.proxmox.model.GuestStatus;
import dev.rackside.proxmox.internal.RrdDecoder;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.RrdSeries;
import dev.rackside.proxmox.model.RrdTimeframe;
import dev.rackside.proxmox.model.Upid;

/// QEMU VMs and LXC containers: status, configuration, power actions.
public final class GuestsApi {
    private final Api api;

    GuestsApi(Api api) {
        this.api = api;
    }

    /// `GET …/status/current`.
    public GuestStatus status(GuestRef guest) throws ProxmoxException {
        return GuestDecoder.status(guest.vmid(), api.get(guest.apiPath() + "/status/current", Params.of()).data());
    }

    /// `GET …/config`: the configuration with pending changes applied, as PVE shows it by default.
    public GuestConfig config(GuestRef guest) throws ProxmoxException {
        return GuestDecoder.config(guest.type(), api.get(guest.apiPath() + "/config", Params.of()).data());
    }

    /// `POST …/status/{action}`: starts the action as a PVE task and returns its UPID at once.
    /// Follow it with [TasksApi#await].
    public Upid power(GuestRef guest, PowerAction action) throws ProxmoxException {
        String upid = api.post(guest.apiPath() + "/status/" + action.wire(), Params.of()).data().asText("");
        try {
            return Upid.parse(upid);
        } catch (IllegalArgumentException e) {
            throw new ProxmoxException.UnexpectedAnswer(action.wire() + " returned no task id", e);
        }
    }

    /// `GET …/rrddata` (needs `VM.Audit`). PVE offers no `DECADE` for guests.
    public RrdSeries rrd(GuestRef guest, RrdTimeframe timeframe, boolean maximum) throws ProxmoxException {
        if (timeframe == RrdTimeframe.DECADE) {
            throw new IllegalArgumentException("PVE keeps no decade statistics for guests");
        }
        return RrdDecoder.series(api.get(guest.apiPath() + "/rrddata",
                Params.of().add("timeframe", timeframe.wire()).add("cf", maximum ? "MAX" : "AVERAGE")).data());
    }

    /// The guest's network interfaces and addresses as the guest reports them: the QEMU guest agent
    /// (`…/agent/network-get-interfaces`, PVE 9 needs `VM.GuestAgent.Audit`) or, for containers,
    /// `…/interfaces`. Empty for a stopped container. A VM without a running agent fails with
    /// [ProxmoxException.OperationFailed] carrying PVE's reason ("QEMU guest agent is not running").
    public java.util.List<dev.rackside.proxmox.model.GuestInterface> interfaces(GuestRef guest) throws ProxmoxException {
        String path = guest.apiPath() + (guest.type() == dev.rackside.proxmox.model.GuestType.QEMU
                ? "/agent/network-get-interfaces" : "/interfaces");
        return GuestDecoder.interfaces(api.get(path, Params.of()).data());
    }
}
