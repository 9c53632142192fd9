package dev.rackside.proxmox;

import static dev.rackside.proxmox.SimTestSupport.client;
import static dev.rackside.proxmox.SimTestSupport.rootToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import dev.rackside.proxmox.model.ResourceType;
import dev.rackside.proxmox.model.RrdTimeframe;
import dev.rackside.proxmox.model.TaskProgressListener;
import dev.rackside.proxmox.model.TaskQuery;
import dev.rackside.proxmox.model.Upid;
import dev.rackside.pvesim.RecordedRequest;
import dev.rackside.pvesim.SimulatedCluster;
import dev.rackside.pvesim.SimulatorOptions;
import dev.rackside.pvesim.contract.ApiContract;
import dev.rackside.pvesim.contract.ParameterValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/// Every request the client can make conforms to the official schema of both PVE 8.4.2 and 9.1.3:
/// path, method, parameter names, types, enums and formats. The requests checked are the ones the
/// client really sent, as the simulator recorded them.
class ClientContractTest {

    /// Invocations of every public API method, keyed `Class.method`.
    private interface Call {
        void run() throws Exception;
    }

    @Test
    void everyRequestConformsToBothSchemas() throws Exception {
        try (SimulatedCluster pve = SimulatedCluster.start(SimulatorOptions.defaults().withSize(3, 20).fast())) {
            pve.addUser("ops@pve", "pw");
            pve.grant("/", "ops@pve", "Administrator");
            pve.enrollSecondFactor("ops@pve");
            ProxmoxClient token = client(pve, rootToken(pve));
            ProxmoxClient tfa = client(pve, new Credentials.Password("ops", "pve", Secret.of("pw")));
            var vm = SimTestSupport.guest(token, g -> g.guestType() == GuestType.QEMU && g.running());
            var ct = SimTestSupport.guest(token, g -> g.guestType() == GuestType.LXC);
            String node = vm.node();
            Upid[] last = new Upid[1];

            Map<String, Call> calls = new LinkedHashMap<>();
            calls.put("ProxmoxClient.login", () -> tfa.login());
            calls.put("ProxmoxClient.completeLogin", () -> tfa.completeLogin(new LoginOutcome.SecondFactor.Totp(pve.currentTotp("ops@pve"))));
            calls.put("ProxmoxClient.version", token::version);
            calls.put("ClusterApi.status", () -> token.cluster().status());
            calls.put("ClusterApi.resources", () -> {
                token.cluster().resources();
                for (ResourceType t : ResourceType.values()) {
                    token.cluster().resources(t);
                }
            });
            calls.put("ClusterApi.log", () -> token.cluster().log(10));
            calls.put("NodesApi.list", () -> token.nodes().list());
            calls.put("NodesApi.status", () -> token.nodes().status(node));
            calls.put("NodesApi.rrd", () -> {
                token.nodes().rrd(node, RrdTimeframe.HOUR, false);
                token.nodes().rrd(node, RrdTimeframe.YEAR, true);
            });
            calls.put("GuestsApi.status", () -> {
                token.guests().status(vm.ref());
                token.guests().status(ct.ref());
            });
            calls.put("GuestsApi.config", () -> {
                token.guests().config(vm.ref());
                token.guests().config(ct.ref());
            });
            calls.put("GuestsApi.interfaces", () -> {
                token.guests().interfaces(ct.ref());
                try {
                    token.guests().interfaces(vm.ref());
                } catch (ProxmoxException.OperationFailed agentNotConfigured) {
                    // the request was sent and is checked below either way
                }
            });
            calls.put("GuestsApi.rrd", () -> {
                token.guests().rrd(vm.ref(), RrdTimeframe.WEEK, false);
                token.guests().rrd(ct.ref(), RrdTimeframe.MONTH, true);
            });
            calls.put("GuestsApi.power", () -> {
                for (PowerAction a : PowerAction.values()) {
                    try {
                        last[0] = token.guests().power(vm.ref(), a);
                    } catch (ProxmoxException.OperationFailed refusedForTheGuestsState) {
                        // e.g. resume of a running VM: the request itself was still sent and is checked
                    }
                }
            });
            calls.put("TasksApi.list", () -> {
                token.tasks().list(node, TaskQuery.recent(20));
                token.tasks().list(node, new TaskQuery(5, 10, java.util.OptionalInt.of(vm.vmid()), "qmstart",
                        TaskQuery.Source.ARCHIVE, true));
            });
            calls.put("TasksApi.status", () -> token.tasks().status(last[0]));
            calls.put("TasksApi.log", () -> token.tasks().log(last[0], 0, 50));
            calls.put("TasksApi.await", () -> token.tasks().await(last[0], TaskProgressListener.NONE, Duration.ofMillis(20), Duration.ofSeconds(20)));
            calls.put("TasksApi.stop", () -> token.tasks().stop(token.guests().power(vm.ref(), PowerAction.SHUTDOWN)));

            assertEquals(publicApiMethods(), new TreeSet<>(calls.keySet()), "every public call needs a contract case");
            pve.clearRequests();
            for (var c : calls.entrySet()) {
                c.getValue().run();
            }
            token.close();
            tfa.close();

            List<RecordedRequest> sent = pve.requests();
            assertTrue(sent.size() >= calls.size(), "requests were recorded");
            List<String> problems = new ArrayList<>();
            for (String version : List.of("8.4.2", "9.1.3")) {
                ApiContract contract = ApiContract.load(version);
                for (RecordedRequest r : sent) {
                    var match = contract.match(r.method(), r.path());
                    if (match.isEmpty()) {
                        problems.add(version + ": no such endpoint " + r.method() + " " + r.path());
                        continue;
                    }
                    var result = ParameterValidator.validate(match.get(), r.params());
                    if (!result.isValid()) {
                        problems.add(version + ": " + r.method() + " " + r.path() + " " + result.errors());
                    }
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    private static Set<String> publicApiMethods() {
        Set<String> names = new TreeSet<>();
        Set<String> plumbing = Set.of("cluster", "nodes", "guests", "tasks", "spec", "close", "connect", "builder");
        for (Class<?> c : List.of(ProxmoxClient.class, ClusterApi.class, NodesApi.class, GuestsApi.class, TasksApi.class)) {
            names.addAll(Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .map(Method::getName)
                    .filter(n -> !plumbing.contains(n) && !n.equals("toString"))
                    .map(n -> c.getSimpleName() + "." + n)
                    .collect(Collectors.toSet()));
        }
        return names;
    }
}
