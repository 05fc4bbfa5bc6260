package io.enori.mcp.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link ClusterNode} in a JVM of its own, on this JVM's classpath; it stops when {@link #close()} closes its stdin. */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final URI url;

    private NodeProcess(String name, Process process, URI url) {
        this.name = name;
        this.process = process;
        this.url = url;
    }

    static NodeProcess start(String name, List<String> jvmOptions, List<String> nodeArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNode.class.getName());
        command.addAll(nodeArgs);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        return line.substring(6).strip();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String url;
        try {
            url = ready.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            url = null;
        }
        if (url == null) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not start (exit " + (process.isAlive() ? "-" : process.exitValue())
                    + "); its stderr is above");
        }
        // Keep draining stdout so a chatty node never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-stdout");
        drain.setDaemon(true);
        drain.start();
        return new NodeProcess(name, process, URI.create(url));
    }

    String name() {
        return name;
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
