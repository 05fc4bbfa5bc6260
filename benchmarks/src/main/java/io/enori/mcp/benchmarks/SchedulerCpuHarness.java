package io.enori.mcp.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.api.spi.CheckStats;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.checks.Scheduler;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU overhead of the check scheduler (issue 4). For each load level it creates N website monitors (interval
 * 30 s) against one local loopback HTTP server, then alternates, in rounds:
 * <ol>
 *   <li><b>scheduler</b>: a fresh {@link Scheduler} with a real clock runs them for a fixed real-time window; every
 *       check goes the production path (read the monitor, HTTP GET through {@link DefaultCheckExecutor}, store
 *       the result, update the monitor's state, incident bookkeeping) in an in-memory H2 database;</li>
 *   <li><b>direct</b>: a plain loop calls the same {@link DefaultCheckExecutor} for the same number of checks,
 *       paced evenly over the same window, with no storage.</li>
 * </ol>
 * It reports process CPU time (all threads: clients, server, JIT, GC) per 1000 checks for both and their ratio,
 * and the same with the local site's own threads subtracted, with medians over the rounds.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.enori.mcp.benchmarks.SchedulerCpuHarness \
 *     [--rates 1000,4000] [--rounds 3] [--measure 10] [--jit-warmup 10] [--workers 8]
 * </pre>
 *
 * Timing numbers come only from this harness; unit tests never assert on time. This class alone reads the system
 * clock: it measures real time by design.
 */
public final class SchedulerCpuHarness {
    private static final int INTERVAL_SECONDS = 30;
    private static final int TIMEOUT_MS = 5_000;
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final String SITE_THREADS = "cpu-harness-site";

    private SchedulerCpuHarness() {
    }

    /** What a run does; every field has a default and a flag. */
    record Settings(List<Integer> checksPerMinute, int rounds, Duration measure, Duration jitWarmup, int workers) {
        Settings {
            if (checksPerMinute.isEmpty() || rounds < 1 || workers < 1 || measure.isZero() || measure.isNegative()
                    || jitWarmup.isNegative()) {
                throw new IllegalArgumentException("rates, rounds and workers must be >= 1, measure > 0 s");
            }
            for (int rate : checksPerMinute) {
                if (rate < 2 || rate % 2 != 0) {
                    throw new IllegalArgumentException("each rate must be an even number of checks a minute"
                            + " (monitors = rate / 2 at a 30 s interval): " + rate);
                }
            }
        }

        static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    System.out.println("options: --rates CHECKS_PER_MINUTE,... (1000,4000) --rounds N (3) "
                            + "--measure SECONDS per phase (10) --jit-warmup SECONDS of back-to-back scheduler checks per "
                            + "rate, then as many direct ones; not recorded (10) "
                            + "--workers N scheduler threads (8)");
                    System.exit(0);
                }
                if (!arg.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got: " + arg);
                }
                values.put(arg.substring(2), args[++i]);
            }
            List<Integer> rates = new ArrayList<>();
            for (String rate : values.getOrDefault("rates", "1000,4000").split(",")) {
                rates.add(Integer.parseInt(rate.strip()));
            }
            Settings settings = new Settings(rates, Integer.parseInt(values.getOrDefault("rounds", "3")),
                    seconds(values.getOrDefault("measure", "10")), seconds(values.getOrDefault("jit-warmup", "10")),
                    Integer.parseInt(values.getOrDefault("workers", "8")));
            values.keySet().removeAll(List.of("rates", "rounds", "measure", "jit-warmup", "workers"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + values.keySet());
            }
            return settings;
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
    }

    /** One measured phase: how many checks, how much CPU, how many were not up. */
    record Phase(long checks, long cpuNanos, long siteCpuNanos, long notUp, String notes) {
        double cpuMsPer1000() {
            return checks == 0 ? Double.NaN : cpuNanos / 1e6 / checks * 1000;
        }

        double cpuMsPer1000WithoutSite() {
            return checks == 0 ? Double.NaN : (cpuNanos - siteCpuNanos) / 1e6 / checks * 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The JDK server writes headers and body separately; with Nagle on, loopback answers stall ~40 ms on
        // delayed ACKs, which would make the warm-up crawl (it does not change CPU per check).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Settings settings = Settings.parse(args);
        System.out.printf(Locale.ROOT, "scheduler CPU harness: rates %s checks/min, %d rounds, %d s per phase, "
                        + "%d s JIT warm-up, %d workers, %d CPUs, %s%n", settings.checksPerMinute(), settings.rounds(),
                settings.measure().toSeconds(), settings.jitWarmup().toSeconds(), settings.workers(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        boolean clean = true;
        try (Site site = Site.start()) {
            for (int rate : settings.checksPerMinute()) {
                clean &= runRate(settings, site, rate);
            }
        }
        System.exit(clean ? 0 : 1);
    }

    private static boolean runRate(Settings settings, Site site, int checksPerMinute)
            throws Exception {
        int monitors = checksPerMinute * INTERVAL_SECONDS / 60;
        Clock clock = Clock.systemUTC();
        Plan plan = new Plan("benchmark", monitors, 5, 20, 1);
        JdbiStorage storage = JdbiStorage.create("jdbc:h2:mem:sched" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        DefaultCheckExecutor executor = DefaultCheckExecutor.builder().clock(clock).build();
        EnoriMcp enori = EnoriMcp.builder().storage(storage).clock(clock).checkExecutor(executor).defaultPlan(plan)
                .rateLimits(1_000_000, 1_000_000).build();
        Caller caller = enori.apiKeys().authenticate(enori.apiKeys()
                .create("bench", EnumSet.allOf(Scope.class), "bench").plaintext());
        List<MonitorTarget> targets = new ArrayList<>();
        for (int i = 0; i < monitors; i++) {
            String url = site.url("m" + i);
            Map<String, Object> monitor = new LinkedHashMap<>();
            monitor.put("type", "website");
            monitor.put("name", "m" + i);
            monitor.put("url", url);
            monitor.put("intervalSeconds", INTERVAL_SECONDS);
            monitor.put("timeoutMs", TIMEOUT_MS);
            ToolOutcome created = enori.call("create_monitor", caller, monitor);
            if (!(created instanceof ToolOutcome.Ok)) {
                throw new IllegalStateException("create_monitor failed: " + created);
            }
            targets.add(new MonitorTarget.Website(url, null, List.of()));
        }
        CoreContext context = new CoreContext(storage, clock, new Ids(clock), executor, plan, "http://127.0.0.1");
        System.out.printf(Locale.ROOT, "%n== %d checks/min: %d website monitors every %d s ==%n", checksPerMinute,
                monitors, INTERVAL_SECONDS);
        List<String> monitorIds = storage.monitors().listAll(caller.accountId()).stream().map(m -> m.id()).toList();
        long warmed = warmUp(context, executor, caller, monitorIds, targets, settings.jitWarmup());
        System.out.printf(Locale.ROOT, "JIT warm-up done: %d checks each way (%d s of back-to-back scheduler"
                + " checks), not recorded%n", warmed, settings.jitWarmup().toSeconds());
        sleep(SETTLE);
        long idle0 = processCpuNanos();
        sleep(IDLE);
        double idleMsPerSecond = (processCpuNanos() - idle0) / 1e6 / IDLE.toSeconds();
        System.out.printf(Locale.ROOT, "idle process (nothing scheduled, nothing checking): %.1f CPU ms/s, which is"
                + " %.0f CPU ms per 1000 checks at %d checks/min%n", idleMsPerSecond,
                idleMsPerSecond * 60_000 / checksPerMinute, checksPerMinute);
        System.out.println("| round | checks | scheduler CPU ms/1000 | direct CPU ms/1000 | ratio | scheduler w/o site"
                + " | direct w/o site | ratio w/o site | not up (sched/direct) | scheduler notes |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        List<Double> ratios = new ArrayList<>();
        List<Double> ratiosWithoutSite = new ArrayList<>();
        List<Double> schedPer1000 = new ArrayList<>();
        List<Double> directPer1000 = new ArrayList<>();
        List<Double> schedWithoutSite = new ArrayList<>();
        List<Double> directWithoutSite = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        boolean clean = true;
        for (int round = 1; round <= settings.rounds(); round++) {
            Phase sched = scheduled(context, caller, settings.workers(), settings.measure(), site);
            Phase direct = direct(executor, targets, sched.checks(), settings.measure(), site);
            double ratio = sched.cpuMsPer1000() / direct.cpuMsPer1000();
            double ratioWithoutSite = sched.cpuMsPer1000WithoutSite() / direct.cpuMsPer1000WithoutSite();
            ratios.add(ratio);
            ratiosWithoutSite.add(ratioWithoutSite);
            schedPer1000.add(sched.cpuMsPer1000());
            directPer1000.add(direct.cpuMsPer1000());
            schedWithoutSite.add(sched.cpuMsPer1000WithoutSite());
            directWithoutSite.add(direct.cpuMsPer1000WithoutSite());
            counts.add(sched.checks());
            clean &= sched.notUp() == 0 && direct.notUp() == 0 && direct.checks() == sched.checks();
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %d / %d | %s |%n",
                    round, sched.checks(), sched.cpuMsPer1000(), direct.cpuMsPer1000(), ratio,
                    sched.cpuMsPer1000WithoutSite(), direct.cpuMsPer1000WithoutSite(), ratioWithoutSite,
                    sched.notUp(), direct.notUp(), sched.notes());
        }
        double expected = checksPerMinute / 60.0 * settings.measure().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "| **median** | %.0f (expected %.0f) | **%.1f** | **%.1f** | **%.2f** | %.1f | %.1f"
                        + " | **%.2f** | | |%n", medianLong(counts), expected, median(schedPer1000),
                median(directPer1000), median(ratios), median(schedWithoutSite), median(directWithoutSite),
                median(ratiosWithoutSite));
        enori.close();
        return clean;
    }

    /**
     * Compiles both paths before anything is measured: back-to-back {@link Scheduler#runNow} calls (the whole
     * scheduler path: queue, worker, monitor read, check, record) for half the time, then back-to-back direct
     * checks for the other half. A timed warm-up at the scheduled rate is far too few checks for the JIT.
     */
    private static long warmUp(CoreContext context, DefaultCheckExecutor executor, Caller caller,
                               List<String> monitorIds, List<MonitorTarget> targets, Duration perPath) {
        if (perPath.isZero()) {
            return 0;
        }
        Scheduler scheduler = Scheduler.create(context, new CheckRecorder(context), 2);
        scheduler.start();
        long n = 0;
        long deadline = System.nanoTime() + perPath.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                scheduler.runNow(caller.accountId(), monitorIds.get((int) (n++ % monitorIds.size())))
                        .get(TIMEOUT_MS * 2L, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("warm-up check failed", e);
        } finally {
            scheduler.stop();
        }
        Duration timeout = Duration.ofMillis(TIMEOUT_MS);
        for (long i = 0; i < n; i++) {
            executor.check(targets.get((int) (i % targets.size())), timeout);
        }
        return n;
    }

    /** A fresh scheduler (so its grid starts now, with no catch-up burst) measured over one window. */
    private static Phase scheduled(CoreContext context, Caller caller, int workers, Duration window, Site site) {
        Scheduler scheduler = Scheduler.create(context, new CheckRecorder(context), workers);
        scheduler.start();
        sleep(SETTLE);
        Scheduler.Stats before = scheduler.stats();
        Instant from = Instant.now();
        long cpu0 = processCpuNanos();
        long site0 = site.cpuNanos();
        sleep(window);
        long cpu1 = processCpuNanos();
        long site1 = site.cpuNanos();
        Scheduler.Stats after = scheduler.stats();
        Instant until = Instant.now();
        scheduler.stop();
        long notUp = 0;
        for (CheckStats stats : context.storage().checkResults().statsByMonitor(caller.accountId(), from, until)
                .values()) {
            notUp += stats.failed();
        }
        String notes = String.format(Locale.ROOT, "failures %d, overlaps %d, queue full %d",
                after.failures() - before.failures(), after.skippedOverlaps() - before.skippedOverlaps(),
                after.skippedQueueFull() - before.skippedQueueFull());
        return new Phase(after.runs() - before.runs(), cpu1 - cpu0, site1 - site0, notUp, notes);
    }

    /** The same number of checks from one plain loop, paced evenly over the window; nothing is stored. */
    private static Phase direct(DefaultCheckExecutor executor, List<MonitorTarget> targets, long checks,
                                Duration window, Site site) {
        sleep(SETTLE);
        Duration timeout = Duration.ofMillis(TIMEOUT_MS);
        long notUp = 0;
        long cpu0 = processCpuNanos();
        long site0 = site.cpuNanos();
        long start = System.nanoTime();
        for (long i = 0; i < checks; i++) {
            long due = start + window.toNanos() * i / Math.max(1, checks);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            CheckOutcome outcome = executor.check(targets.get((int) (i % targets.size())), timeout);
            if (outcome.status() != CheckStatus.UP) {
                notUp++;
            }
        }
        for (long wait = start + window.toNanos() - System.nanoTime(); wait > 0;
             wait = start + window.toNanos() - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return new Phase(checks, processCpuNanos() - cpu0, site.cpuNanos() - site0, notUp, "");
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("process CPU time is not available on this JVM");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double medianLong(List<Long> values) {
        List<Double> doubles = new ArrayList<>();
        values.forEach(v -> doubles.add(v.doubleValue()));
        return median(doubles);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The loopback site every monitor checks: {@code /<name>} answers 200 "ok"; its threads' CPU is tracked. */
    private static final class Site implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService handlers;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        private Site(HttpServer server, ExecutorService handlers) {
            this.server = server;
            this.handlers = handlers;
        }

        static Site start() throws IOException {
            AtomicInteger n = new AtomicInteger();
            ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, SITE_THREADS + "-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Site site = new Site(server, handlers);
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(handlers);
            server.start();
            return site;
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        }

        /** CPU of the handler threads and the JDK server's dispatcher thread. */
        long cpuNanos() {
            long total = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && (info.getThreadName().startsWith(SITE_THREADS)
                        || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    total += Math.max(0, cpu);
                }
            }
            return total;
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
