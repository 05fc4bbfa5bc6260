package io.enori.mcp.core.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A finished node script of the end-to-end suite: its exit code and its output lines (stderr merged when the
 * builder says so). The lines are echoed with a prefix as they come, so a CI log shows the checks in order.
 */
public record NodeRun(int exitCode, List<String> lines) {

    /** Runs the script with stdin closed; a script still running after {@code timeout} is killed and fails the test. */
    public static NodeRun of(ProcessBuilder builder, Duration timeout, String prefix) throws Exception {
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread pump = new Thread(() -> {
            try (var reader = process.inputReader()) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                    System.out.println(prefix + line);
                }
            } catch (IOException e) {
                lines.add("(output failed: " + e + ")");
            }
        }, "node-script-output");
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + timeout);
        }
        pump.join(10_000);
        synchronized (lines) {
            return new NodeRun(process.exitValue(), List.copyOf(lines));
        }
    }
}
