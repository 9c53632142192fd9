package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.client;
import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.proxmox.model.TaskLog;
import dev.rackside.proxmox.model.TaskProgressListener;
import dev.rackside.proxmox.model.TaskQuery;
import dev.rackside.proxmox.model.TaskStatus;
import dev.rackside.proxmox.model.Upid;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// Power actions followed through their PVE tasks to the end, and the inventory reflecting them.
class PowerActionsTest {
    private static SimulatedCluster pve;
    private static ProxmoxClient client;

    @BeforeAll
    static void start() {
        pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(3, 30).fast());
        client = client(pve, rootToken(pve));
    }

    @AfterAll
    static void stop() {
        client.close();
        pve.close();
    }

    private static TaskStatus follow(Upid upid, List<TaskLog.Line> lines, List<TaskStatus> statuses) throws ProxmoxException {
        return client.tasks().await(upid, new TaskProgressListener() {
            @Override
            public void onLogLines(List<TaskLog.Line> l) {
                lines.addAll(l);
            }

            @Override
            public void onStatus(TaskStatus s) {
                statuses.add(s);
            }
        }, Duration.ofMillis(20), Duration.ofSeconds(20));
    }

    private static ClusterResource.Guest current(int vmid) throws ProxmoxException {
        return client.cluster().resources(ResourceType.VM).stream().filter(r -> r instanceof ClusterResource.Guest g && g.vmid() == vmid)
                .map(r -> (ClusterResource.Guest) r).findFirst().orElseThrow();
    }

    @Test
    void startThenStopAVmThroughItsTasks() throws Exception {
        var vm = SimTestSupport.guest(client, g -> g.guestType() == GuestType.QEMU && !g.running());
        List<TaskLog.Line> lines = new ArrayList<>();
        List<TaskStatus> statuses = new ArrayList<>();
        Upid start = client.guests().power(vm.ref(), PowerAction.START);
        assertEquals(vm.node(), start.node());
        assertEquals(String.valueOf(vm.vmid()), start.id());
        TaskStatus end = follow(start, lines, statuses);
        assertTrue(end.succeeded(), end.exitstatus());
        assertEquals("TASK OK", lines.getLast().text());
        assertTrue(statuses.size() >= 1 && !statuses.getLast().running());
        assertTrue(current(vm.vmid()).running(), "the inventory shows the VM running once its task ended");
        assertTrue(client.guests().status(vm.ref()).running());

        TaskStatus stopped = follow(client.guests().power(vm.ref(), PowerAction.STOP), new ArrayList<>(), new ArrayList<>());
        assertTrue(stopped.succeeded());
        assertFalse(current(vm.vmid()).running());

        var listed = client.tasks().list(vm.node(), TaskQuery.recent(50).forGuest(vm.vmid()));
        assertTrue(listed.stream().anyMatch(t -> t.upid().equals(start) && "OK".equals(t.status())), listed.toString());
    }

    @Test
    void startingARunningVmEndsInTaskErrorWithPvesMessage() throws Exception {
        var vm = SimTestSupport.guest(client, g -> g.guestType() == GuestType.QEMU && g.running());
        List<TaskLog.Line> lines = new ArrayList<>();
        TaskStatus end = follow(client.guests().power(vm.ref(), PowerAction.START), lines, new ArrayList<>());
        assertTrue(end.failed());
        assertEquals("VM " + vm.vmid() + " already running", end.exitstatus());
        assertEquals("TASK ERROR: VM " + vm.vmid() + " already running", lines.getLast().text());
    }

    @Test
    void rebootingAStoppedVmIsRefusedAtOnce() throws Exception {
        var vm = SimTestSupport.guest(client, g -> g.guestType() == GuestType.QEMU && !g.running());
        var e = assertThrows(ProxmoxException.OperationFailed.class, () -> client.guests().power(vm.ref(), PowerAction.REBOOT));
        assertEquals("VM " + vm.vmid() + " not running", e.getMessage());
    }

    @Test
    void suspendAndResumeAVm() throws Exception {
        var vm = SimTestSupport.guest(client, g -> g.guestType() == GuestType.QEMU && g.running() && g.vmid() % 2 == 1);
        Upid pause = client.guests().power(vm.ref(), PowerAction.SUSPEND);
        assertEquals("qmpause", pause.type(), "PVE names a suspend to RAM qmpause");
        assertTrue(follow(pause, new ArrayList<>(), new ArrayList<>()).succeeded());
        assertTrue(client.guests().status(vm.ref()).paused());
        assertTrue(follow(client.guests().power(vm.ref(), PowerAction.RESUME), new ArrayList<>(), new ArrayList<>()).succeeded());
        assertFalse(client.guests().status(vm.ref()).paused());
    }

    @Test
    void containerLifecycle() throws Exception {
        var ct = SimTestSupport.guest(client, g -> g.guestType() == GuestType.LXC && g.running());
        Upid shutdown = client.guests().power(ct.ref(), PowerAction.SHUTDOWN);
        assertEquals("vzshutdown", shutdown.type());
        assertTrue(follow(shutdown, new ArrayList<>(), new ArrayList<>()).succeeded());
        assertFalse(client.guests().status(ct.ref()).running());
        var e = assertThrows(ProxmoxException.OperationFailed.class, () -> client.guests().power(ct.ref(), PowerAction.STOP));
        assertEquals("CT " + ct.vmid() + " not running", e.getMessage());
        assertTrue(follow(client.guests().power(ct.ref(), PowerAction.START), new ArrayList<>(), new ArrayList<>()).succeeded());
        assertTrue(client.guests().config(ct.ref()).name().length() > 0);
    }

    @Test
    void taskLogPagesCoverTheWholeLog() throws Exception {
        var vm = SimTestSupport.guest(client, g -> g.guestType() == GuestType.QEMU && g.running());
        Upid upid = client.guests().power(vm.ref(), PowerAction.START); // fails quickly: a short log
        follow(upid, new ArrayList<>(), new ArrayList<>());
        TaskLog all = client.tasks().log(upid, 0, 0);
        assertEquals(all.total(), all.lines().size());
        TaskLog tail = client.tasks().log(upid, all.total() - 1, 50);
        assertEquals(all.lines().getLast(), tail.lines().getFirst());
    }
}
