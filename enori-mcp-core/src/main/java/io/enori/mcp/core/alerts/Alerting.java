package io.enori.mcp.core.alerts;

import io.enori.mcp.api.spi.EmailSender;
import io.enori.mcp.api.spi.PushNotifier;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting side of the core, wired once by {@link io.enori.mcp.core.EnoriMcp}: channels, the dispatcher and
 * the Live Activity pusher subscribed to the core's incident events, and their worker pool.
 *
 * <p>New alerts are delivered as soon as they are recorded. {@link #start()} additionally delivers alerts left
 * pending by an earlier process (or by a full queue) and keeps sweeping for them; {@link #close()} stops both,
 * handing alerts in flight back as pending.
 */
public final class Alerting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final AlertOptions options;
    private final AlertChannels channels;
    private final AlertWorkers workers;
    private final AlertDispatcher dispatcher;
    private ScheduledExecutorService sweeper;

    private Alerting(CoreContext context, AlertOptions options, EmailSender email, PushNotifier push,
                     MaintenanceCoverage maintenance) {
        this.options = options;
        this.channels = new AlertChannels(context.storage(), context.clock(), context.ids());
        this.workers = new AlertWorkers(options.workers(), options.queueCapacity());
        ChannelSender sender = new ChannelSender(options.attemptTimeout(), email);
        // One claimant id per process: its claims are its own, and a dead process's claims lapse with their lease.
        String claimant = "node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        AlertDelivery delivery = new AlertDelivery(context.storage(), context.clock(), options, sender, claimant);
        this.dispatcher = new AlertDispatcher(context, maintenance, email != null, workers, delivery);
        context.incidentEvents().subscribe(dispatcher);
        context.incidentEvents().subscribe(new LiveActivityPusher(context, push, workers));
    }

    /**
     * Subscribes alerting to {@code context}'s incident events.
     *
     * @param email       {@code null}: email alerts are recorded as undeliverable
     * @param push        {@code null}: Live Activity pushes are recorded as not sent
     * @param maintenance which maintenance windows suppress alerts
     */
    public static Alerting create(CoreContext context, AlertOptions options, EmailSender email, PushNotifier push,
                                  MaintenanceCoverage maintenance) {
        return new Alerting(Objects.requireNonNull(context, "context"), Objects.requireNonNull(options, "options"),
                email, push, Objects.requireNonNull(maintenance, "maintenance"));
    }

    /** Create, list and delete channels. */
    public AlertChannels channels() {
        return channels;
    }

    /**
     * Delivers alerts left pending (by a process that stopped, or a full queue) now and every
     * {@link AlertOptions#sweepEvery()}. Idempotent: an alert is never queued twice in one process, and its claim
     * keeps other processes off it.
     */
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enori-alerts-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, options.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues pending alerts nobody is delivering; returns how many. */
    int sweep() {
        try {
            int queued = dispatcher.resumePending();
            if (queued > 0) {
                LOG.info("resuming delivery of {} pending alert(s)", queued);
            }
            return queued;
        } catch (RuntimeException e) {
            LOG.error("alert sweep failed; retrying in {}", options.sweepEvery(), e);
            return 0;
        }
    }

    /**
     * Stops sweeping and delivering; deliveries still running after a short grace are handed back as pending.
     * Final: alerts recorded afterwards stay pending for the next process.
     */
    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        workers.close(CLOSE_GRACE);
    }
}
