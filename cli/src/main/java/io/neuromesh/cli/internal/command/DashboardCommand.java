package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.options.FleetOptions;
import io.neuromesh.dashboard.Access;
import io.neuromesh.dashboard.Dashboard;
import io.neuromesh.dashboard.DashboardConfig;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLinkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code neuromesh dashboard}: the fleet's web dashboard, until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"the fleet's web dashboard: Brain, Fleet, Events and Topology pages, updated live",
                "On a broker with users, give the dashboard a user of its own (a viewer is enough); visitors then log"
                        + " in with their Neuromesh user, and the broker decides what each may do."})
public final class DashboardCommand implements Callable<Integer> {

    @Mixin
    private FleetOptions fleet;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DashboardConfig.DEFAULT_PORT,
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 for any free port)")
    private int port;
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = DashboardConfig.DEFAULT_BIND,
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                    + " network: without users on the broker anyone who reaches it may act on the fleet)")
    private String bind;

    @Override
    public Integer call() throws InterruptedException {
        DashboardConfig config;
        try {
            config = Dashboard.builder().broker(fleet.broker().uri()).tls(fleet.broker().tls())
                    .credentials(fleet.broker().credentials()).bind(bind).port(port).config();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Dashboard dashboard = Dashboard.create(config);
        UntilShutdown shutdown = UntilShutdown.register("dashboard", dashboard::close);
        try {
            dashboard.start();
        } catch (LoginRefusedException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (MqttLinkException e) {
            if (shutdown.requested()) {
                return 0;
            }
            throw new CommandFailedException("cannot reach the broker at " + config.broker() + " (" + e.getMessage()
                    + "); start one with ./neuromesh broker or pass --broker");
        } catch (IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
        fleet.out().println("dashboard on " + dashboard.uri() + " (broker " + config.broker() + "; "
                + (config.access() == Access.LOGIN ? "visitors log in with their Neuromesh user"
                : "open broker: no login, every visitor may act") + ")");
        if (config.exposed() && config.access() == Access.OPEN) {
            fleet.err().println("warning: listening on " + bind + " without users: anyone who reaches it can toggle"
                    + " sensors, fire neurons and apply topologies (add users, see docs/security.md)");
        }
        shutdown.await();
        return 0;
    }
}
