package dev.rackside.app.feature.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.demo.DemoCluster;
import dev.rackside.app.fx.Background;
import dev.rackside.proxmox.model.ClusterResource;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.pvesim.SimulatorOptions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// The tasks panel follows a real PVE task (on the simulator) to its end, with its log and PVE's
/// error message when it fails. Runs without a toolkit.
class TasksViewModelTest {
    private static DemoCluster demo;
    private static ClusterSession session;

    @BeforeAll
    static void start() {
        demo = DemoCluster.start("Test cluster", SimulatorOptions.defaults().withSize(2, 12).fast());
        session = demo.session();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static ClusterResource.Guest vm(boolean running) throws Exception {
        return session.client().cluster().resources(ResourceType.VM).stream()
                .filter(r -> r instanceof ClusterResource.Guest g && g.guestType() == GuestType.QEMU && !g.template()
                        && g.lock().isEmpty() && g.hastate().isEmpty() && g.running() == running)
                .map(r -> (ClusterResource.Guest) r).findFirst().orElseThrow();
    }

    @Test
    void followsASuccessfulTaskToTheEnd() throws Exception {
        TasksViewModel vm = new TasksViewModel(Background.direct(), Runnable::run, Clock.systemUTC());
        var guest = vm(false);
        var upid = session.client().guests().power(guest.ref(), PowerAction.START);
        AtomicInteger finished = new AtomicInteger();
        vm.follow(session, upid, "Start " + guest.name(), finished::incrementAndGet);
        TaskEntry e = vm.entries().getFirst();
        assertEquals(TaskEntry.State.SUCCEEDED, e.state());
        assertEquals("OK", e.messageProperty().get());
        assertEquals("TASK OK", e.log().getLast());
        assertNotNull(e.endedProperty().get());
        assertEquals(1, finished.get());
        assertEquals(0, vm.runningCount().get());
    }

    @Test
    void aFailedTaskShowsPvesMessage() throws Exception {
        TasksViewModel vm = new TasksViewModel(Background.direct(), Runnable::run, Clock.systemUTC());
        var guest = vm(true);
        var upid = session.client().guests().power(guest.ref(), PowerAction.START);
        vm.follow(session, upid, "Start " + guest.name(), () -> { });
        TaskEntry e = vm.entries().getFirst();
        assertEquals(TaskEntry.State.FAILED, e.state());
        assertEquals("VM " + guest.vmid() + " already running", e.messageProperty().get());
        assertTrue(e.log().getLast().startsWith("TASK ERROR"));
        vm.clearFinished();
        assertTrue(vm.entries().isEmpty());
    }
}
