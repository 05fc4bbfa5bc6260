package io.enori.mcp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/** A server (or a set of nodes) under load: where to send what, and how to check an answer. */
interface Target extends AutoCloseable {
    String name();

    /** Where a client opens its session (initialize); also where every later request goes if {@link #sessions()}. */
    URI mcpUrl(int client);

    /**
     * Where the n-th {@code tools/call} of a client goes. A stateless target may spread the calls over its nodes, as a
     * load balancer would; a target with sessions must keep a client on the node that holds its session.
     */
    default URI callUrl(int client, long n) {
        return mcpUrl(client);
    }

    /** Whether the server keeps sessions ({@code Mcp-Session-Id}, DELETE at the end); stateless servers do not. */
    default boolean sessions() {
        return true;
    }

    /** Extra headers on every request of a client (ours: its API key). */
    Map<String, String> headers(int client);

    /** The {@code params} of the n-th {@code tools/call} of one client. */
    ObjectNode callParams(int client, long n);

    /** What kind of call these are, for latencies by kind: the tool's name. */
    default String kind(ObjectNode params) {
        return params.path("name").asText("call");
    }

    /** Null when the tool result is the expected one, else why not. */
    String checkResult(JsonNode result, ObjectNode params);
}
