package dev.rackside.pvesim;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `java -jar proxmox-sim.jar --port 8006 --nodes 3 --guests 24 --seed 42`: runs a simulated cluster
/// until interrupted and prints how to reach it.
@Command(name = "proxmox-sim", mixinStandardHelpOptions = true,
        description = "A simulated Proxmox VE 9.1 cluster over HTTPS on loopback, for tests and demos.")
public final class Main implements Callable<Integer> {
    @Option(names = "--port", description = "HTTPS port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port = 8006;

    @Option(names = "--nodes", description = "Cluster nodes, 1-64. Default: ${DEFAULT-VALUE}")
    int nodes = 3;

    @Option(names = "--guests", description = "VMs and containers. Default: ${DEFAULT-VALUE}")
    int guests = 24;

    @Option(names = "--seed", description = "Seed of the generated inventory. Default: ${DEFAULT-VALUE}")
    long seed = 42;

    @Option(names = "--bind", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String bind = "127.0.0.1";

    @Option(names = "--token-secret", description = "Secret of the API token root@pam!rackside (random if omitted)")
    String tokenSecret;

    private final PrintWriter out;

    Main(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true); // the launcher's one job is to tell the user where it listens
        System.exit(new CommandLine(new Main(out)).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SimulatorOptions o = SimulatorOptions.defaults().withPort(port).withSize(nodes, guests).withSeed(seed)
                .withApiTokenSecret(tokenSecret);
        o = new SimulatorOptions(bind, o.port(), o.nodes(), o.guests(), o.seed(), o.clock(), o.authFailureDelay(),
                o.taskDurationScale(), o.apiTokenSecret());
        SimulatedCluster pve = SimulatedCluster.start(o);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pve.close();
            stop.countDown();
        }));
        out.println("Simulated Proxmox VE cluster (" + nodes + " nodes, " + guests + " guests) listening");
        out.println("  URL:          " + pve.url() + "  (API: " + pve.url() + "/api2/json)");
        out.println("  Fingerprint:  " + pve.fingerprint());
        out.println("  Login:        " + SimulatedCluster.ROOT + " / " + SimulatedCluster.ROOT_PASSWORD);
        out.println("  API token:    PVEAPIToken=" + SimulatedCluster.ROOT + "!" + SimulatedCluster.TOKEN_ID + "=" + pve.apiTokenSecret());
        out.println("Press Ctrl+C to stop.");
        stop.await();
        return 0;
    }
}
