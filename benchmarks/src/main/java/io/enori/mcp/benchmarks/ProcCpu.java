package io.enori.mcp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of processes and of the machine from Linux's {@code /proc} (other systems: zeros). Clock ticks are
 * converted with {@code getconf CLK_TCK} (100 when it cannot be asked), so the resolution is 10 ms per process.
 */
final class ProcCpu {
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcCpu() {
    }

    /**
     * User + system CPU of a live process, in nanoseconds; with {@code children}, also that of its reaped children
     * (the postmaster collects its exited backends' time there). -1 when the process is gone.
     */
    static long processNanos(long pid, boolean children) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return -1;
        }
        // After "pid (comm)": fields[0] = state (field 3), so utime (14) is [11], stime [12], cutime [13], cstime [14].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (children) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** Every {@code postgres} process (postmaster, background workers, backends): pid to CPU nanoseconds. */
    static Map<Long, Long> postgresNanos() {
        Map<Long, Long> out = new HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(n -> {
                long pid = Long.parseLong(n);
                String comm = read(Path.of("/proc", n, "comm"));
                if (comm != null && comm.strip().equals("postgres")) {
                    long nanos = processNanos(pid, true);
                    if (nanos >= 0) {
                        out.put(pid, nanos);
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** The machine's CPU time so far from {@code /proc/stat}: [busy, steal], nanoseconds summed over CPUs. */
    static long[] machineNanos() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return new long[2];
        }
        String[] f = stat.lines().findFirst().orElse("cpu").trim().split("\\s+");
        long busy = 0;
        long steal = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            long v = Long.parseLong(f[i]);
            // user nice system idle iowait irq softirq steal: idle (4) and iowait (5) are not work; steal is the
            // hypervisor running someone else on "our" CPU.
            if (i == 8) {
                steal = v;
            } else if (i != 4 && i != 5) {
                busy += v;
            }
        }
        return new long[] {busy * 1_000_000_000L / TICKS_PER_SECOND, steal * 1_000_000_000L / TICKS_PER_SECOND};
    }

    /** {@code /proc/loadavg}'s three averages, or "?". */
    static String loadAverages() {
        String text = read(Path.of("/proc/loadavg"));
        if (text == null) {
            return "?";
        }
        String[] f = text.trim().split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "?";
    }

    private static String[] statFields(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return null;
        }
        // The command name may contain spaces and parentheses; the fields start after the last ')'.
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }
}
