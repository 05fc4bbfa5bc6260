package io.enori.mcp.benchmarks;

import static io.enori.mcp.benchmarks.LoadGenerator.median;
import static io.enori.mcp.benchmarks.LoadGenerator.medianOf;

import io.enori.mcp.benchmarks.ClusterLoadHarness.Round;
import io.enori.mcp.benchmarks.ClusterLoadHarness.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@link ClusterLoadHarness} prints: the environment, one line per round, and the summary tables. */
final class ClusterReport {
    private ClusterReport() {
    }

    static void printEnvironment(Settings s, String schemaUrl) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        System.out.printf(Locale.ROOT, "Cluster load harness, %s UTC on %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), host);
        System.out.printf(Locale.ROOT, "machine: %d CPUs (%s), %s RAM, %s %s; load avg at start %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal(), System.getProperty("os.name"),
                System.getProperty("os.version"), ProcCpu.loadAverages());
        System.out.printf(Locale.ROOT, "JVM %s (%s); nodes: %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.version"), String.join(" ", s.nodeJvm()));
        try (Connection c = DriverManager.getConnection(s.db()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), current_setting('synchronous_commit'), "
                     + "current_setting('fsync'), current_setting('wal_sync_method'), current_setting('shared_buffers'), "
                     + "current_setting('max_connections'), current_setting('commit_delay')")) {
            rs.next();
            System.out.printf(Locale.ROOT, "PostgreSQL: %s; synchronous_commit=%s fsync=%s wal_sync_method=%s "
                            + "shared_buffers=%s max_connections=%s commit_delay=%s%n", rs.getString(1).split(" on ")[0],
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach " + s.db() + ": " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "settings: nodes %s, baselines%s%s, %d clients, %d key(s), write share %.2f, "
                        + "JIT warm-up %d calls per node (at most %.0f s per target), rounds of %.0f s warm-up + %.0f s measured, %d rounds, "
                        + "%d monitors, pool %d per node, cap %d calls per client per phase, limiter commit %s%n",
                s.nodes(), s.localBaseline() ? " local-1" : "", s.bareBaseline() ? " bare" : "", s.clients(), s.keys(),
                s.writeShare(), s.jitCalls(), s.jitCap().toMillis() / 1000.0, s.warmup().toMillis() / 1000.0,
                s.measure().toMillis() / 1000.0, s.rounds(), s.monitors(), s.pool(), s.maxCallsPerClient(),
                s.asyncLimiterCommit() ? "ASYNC (experiment)" : "sync (as shipped)");
        System.out.println("schema URL: " + schemaUrl);
    }

    /** Per-call and per-second figures of one round. */
    record Figures(double callsPerSecond, double p50, double p99, long errors, double clientUs, double nodesUs,
                   double pgOursUs, double pgOtherUs, double machineUs, double busyCores, double stealCores,
                   double oursCores, double outsideCores, double walSyncsPer1k, double commitsPerCall, double activeBackends,
                   double limiterProbeMs, double select1ProbeMs, Map<String, Double> waitShares) {
        static Figures of(Round r) {
            double calls = Math.max(1, r.load().okCalls());
            double seconds = r.load().seconds();
            double client = r.load().cpuNanos() / 1e9;
            var pg = r.pg();
            double outside = r.machineBusySeconds() - client - r.nodeCpuSeconds() - pg.allCpuSeconds();
            long totalWaits = pg.waits().values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> shares = new TreeMap<>();
            pg.waits().forEach((k, v) -> shares.put(k, totalWaits == 0 ? 0 : v / (double) totalWaits));
            return new Figures(r.load().callsPerSecond(), r.load().p50Millis(), r.load().p99Millis(),
                    r.load().errorTotal(), client * 1e6 / calls, r.nodeCpuSeconds() * 1e6 / calls,
                    pg.oursCpuSeconds() * 1e6 / calls, (pg.allCpuSeconds() - pg.oursCpuSeconds()) * 1e6 / calls,
                    r.machineBusySeconds() * 1e6 / calls, r.machineBusySeconds() / seconds,
                    r.machineStealSeconds() / seconds, (client + r.nodeCpuSeconds() + pg.allCpuSeconds()) / seconds,
                    outside / seconds, pg.walSyncs() * 1000.0 / calls,
                    pg.commits() / calls, pg.activeBackends(),
                    LoadGenerator.percentileMillis(pg.limiterNanos(), 0.5),
                    LoadGenerator.percentileMillis(pg.select1Nanos(), 0.5), shares);
        }

        /** CPU of this JVM, the node JVMs and all of PostgreSQL per call (machine minus other processes). */
        double oursUs() {
            return clientUs + nodesUs + pgOursUs + pgOtherUs;
        }

        String topWaits(int n) {
            return waitShares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(n).map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() * 100))
                    .collect(Collectors.joining(", "));
        }
    }

    static String line(Round r) {
        Figures f = Figures.of(r);
        return r.load().line() + byKind(r) + String.format(Locale.ROOT, "%n        cpu us/call: client %.0f nodes %.0f pg-ours %.0f "
                        + "pg-other %.0f machine %.0f | busy %.2f cores: ours %.2f, outside %.2f, steal %.2f | WAL syncs/1k calls "
                        + "%.0f, commits/call %.2f | pg active %.2f: %s | probe p50 limiter %.2f ms, SELECT 1 %.2f ms",
                f.clientUs(), f.nodesUs(), f.pgOursUs(), f.pgOtherUs(), f.machineUs(), f.busyCores(), f.oursCores(),
                f.outsideCores(), f.stealCores(), f.walSyncsPer1k(), f.commitsPerCall(), f.activeBackends(), f.topWaits(4),
                f.limiterProbeMs(), f.select1ProbeMs())
                + r.cpuSecondsByNode().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                        e.getValue() / r.load().seconds())).collect(Collectors.joining(", ", "%n        node cores: ".formatted(), ""));
    }

    /** p50 / p99 per tool, when there is more than one. */
    private static String byKind(Round r) {
        if (r.load().sortedNanosByKind().size() < 2) {
            return "";
        }
        return r.load().sortedNanosByKind().entrySet().stream().map(e -> String.format(Locale.ROOT,
                "%s %d calls p50 %.2f p99 %.2f ms", e.getKey(), e.getValue().length,
                LoadGenerator.percentileMillis(e.getValue(), 0.5), LoadGenerator.percentileMillis(e.getValue(), 0.99)))
                .collect(Collectors.joining("; ", "%n        ".formatted(), ""));
    }

    static boolean printSummary(Settings settings, Map<String, List<Round>> results,
                                Map<String, Map<String, Long>> jitErrors) {
        System.out.println();
        System.out.println("| target | round | calls/s | p50 ms | p99 ms | errors | CPU µs/call: client | nodes | "
                + "PG ours | PG other | machine | busy cores | ours cores | outside cores | WAL syncs /1k calls | PG active | "
                + "limiter probe ms | load avg |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, List<Figures>> figures = new TreeMap<>();
        for (Map.Entry<String, List<Round>> e : results.entrySet()) {
            List<Figures> fs = new ArrayList<>();
            for (Round r : e.getValue()) {
                Figures f = Figures.of(r);
                fs.add(f);
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %d | %.0f | %.0f | %.0f | %.0f | %.0f | "
                                + "%.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1f |%n", e.getKey(), r.load().round(),
                        f.callsPerSecond(), f.p50(), f.p99(), f.errors(), f.clientUs(), f.nodesUs(), f.pgOursUs(),
                        f.pgOtherUs(), f.machineUs(), f.busyCores(), f.oursCores(), f.outsideCores(), f.walSyncsPer1k(),
                        f.activeBackends(), f.limiterProbeMs(), r.load().loadAverage());
            }
            figures.put(e.getKey(), fs);
        }
        System.out.println();
        System.out.println("Medians over the rounds:");
        System.out.println();
        System.out.println("| target | calls/s | p50 ms | p99 ms | errors (all rounds) | CPU µs/call: client | nodes | "
                + "PG ours | PG other | ours (sum) | busy cores | ours cores | outside cores | WAL syncs /1k calls | PG active | "
                + "PG waits (share of active samples, last round) | limiter probe / SELECT 1 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (String target : results.keySet()) {
            List<Figures> fs = figures.get(target);
            System.out.printf(Locale.ROOT, "| %s | **%.1f** | %.2f | **%.2f** | %d | %.0f | %.0f | %.0f | %.0f | %.0f | "
                            + "%.2f | %.2f | %.2f | %.0f | %.2f | %s | %.2f / %.2f |%n", target,
                    median(fs, Figures::callsPerSecond), median(fs, Figures::p50), median(fs, Figures::p99),
                    fs.stream().mapToLong(Figures::errors).sum(), median(fs, Figures::clientUs),
                    median(fs, Figures::nodesUs), median(fs, Figures::pgOursUs), median(fs, Figures::pgOtherUs),
                    median(fs, Figures::oursUs), median(fs, Figures::busyCores), median(fs, Figures::oursCores),
                    median(fs, Figures::outsideCores),
                    median(fs, Figures::walSyncsPer1k), median(fs, Figures::activeBackends),
                    fs.get(fs.size() - 1).topWaits(4), median(fs, Figures::limiterProbeMs),
                    median(fs, Figures::select1ProbeMs));
        }
        System.out.println();
        System.out.println("Latency by tool, medians over the rounds:");
        System.out.println();
        System.out.println("| target | tool | share of calls | p50 ms | p99 ms |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Map.Entry<String, List<Round>> e : results.entrySet()) {
            List<Round> rounds = e.getValue();
            for (String kind : rounds.get(0).load().sortedNanosByKind().keySet()) {
                List<long[]> perRound = rounds.stream().map(r -> r.load().sortedNanosByKind().getOrDefault(kind,
                        new long[0])).toList();
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n", e.getKey(), kind,
                        median(rounds, r -> r.load().sortedNanosByKind().getOrDefault(kind, new long[0]).length
                                / (double) Math.max(1, r.load().okCalls())),
                        median(perRound, a -> LoadGenerator.percentileMillis(a, 0.5)),
                        median(perRound, a -> LoadGenerator.percentileMillis(a, 0.99)));
            }
        }
        System.out.println();
        printRatio(figures, "cluster-2", "cluster-1");
        printRatio(figures, "cluster-3", "cluster-1");
        printRatio(figures, "cluster-1", "local-1");
        printRatio(figures, "local-1", "bare");
        long errorTotal = 0;
        for (String target : results.keySet()) {
            Map<String, Long> byKind = new TreeMap<>(jitErrors.getOrDefault(target, Map.of()));
            results.get(target).forEach(r -> r.load().errors().forEach((k, v) -> byKind.merge(k, v, Long::sum)));
            long total = byKind.values().stream().mapToLong(Long::longValue).sum();
            errorTotal += total;
            System.out.printf(Locale.ROOT, "errors %s (all rounds and warm-ups): %d %s%n", target, total,
                    byKind.isEmpty() ? "" : byKind);
        }
        System.out.printf(Locale.ROOT, "load avg at the end %s%n", ProcCpu.loadAverages());
        return errorTotal == 0;
    }

    private static void printRatio(Map<String, List<Figures>> figures, String a, String b) {
        if (!figures.containsKey(a) || !figures.containsKey(b)) {
            return;
        }
        List<Figures> fa = figures.get(a);
        List<Figures> fb = figures.get(b);
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < Math.min(fa.size(), fb.size()); i++) {
            perRound.add(fa.get(i).callsPerSecond() / fb.get(i).callsPerSecond());
        }
        System.out.printf(Locale.ROOT, "throughput %s/%s per round %s, median %.3f; CPU per call (ours) %s/%s %.2f%n",
                a, b, perRound.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList(), medianOf(perRound),
                a, b, median(fa, Figures::oursUs) / median(fb, Figures::oursUs));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
