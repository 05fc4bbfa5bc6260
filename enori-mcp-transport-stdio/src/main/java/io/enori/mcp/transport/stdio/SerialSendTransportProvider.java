package io.enori.mcp.transport.stdio;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport with its sends taken one at a time. In SDK 2.1.0 the stdio session hands every outgoing
 * message to a single-producer sink with {@code tryEmitNext}; when two tool calls finish at the same moment on two
 * threads, the loser gets {@code FAIL_NON_SERIALIZED} and its response is dropped ("Failed to enqueue message",
 * java-sdk issues #304 and #686), leaving the client waiting forever. Found by StdioFuzzIT; the HTTP transports
 * write each response on its own stream and are not affected.
 *
 * <p>Sends go through one lock, and the rare send that still loses the race (it can only happen while the session
 * is starting, when the SDK emits later on another thread) is retried: a refused emission emitted nothing, so a
 * retry cannot duplicate a message.
 */
final class SerialSendTransportProvider implements McpServerTransportProvider {
    private static final int RETRIES = 20;

    private final McpServerTransportProvider delegate;
    private final Runnable onSessionClosed;

    /**
     * @param onSessionClosed run when the SDK closes the session's transport, whatever the reason, so the launcher
     *                        exits instead of serving a session nobody reads any more
     */
    SerialSendTransportProvider(McpServerTransportProvider delegate, Runnable onSessionClosed) {
        this.delegate = delegate;
        this.onSessionClosed = onSessionClosed;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new SerialSend(transport, onSessionClosed)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    private static final class SerialSend implements McpServerTransport {
        private final McpServerTransport transport;
        private final Runnable onClosed;
        private final Object sending = new Object();

        SerialSend(McpServerTransport transport, Runnable onClosed) {
            this.transport = transport;
            this.onClosed = onClosed;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            Mono<Void> oneAtATime = Mono.create(sink -> {
                synchronized (sending) {
                    transport.sendMessage(message).subscribe(ignored -> { }, sink::error, sink::success);
                }
            });
            return oneAtATime.retry(RETRIES);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully().doFinally(signal -> onClosed.run());
        }

        @Override
        public void close() {
            try {
                transport.close();
            } finally {
                onClosed.run();
            }
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
