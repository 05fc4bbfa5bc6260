package io.enori.mcp.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What both examples start with: a demo account holding an all-scopes key for an agent, a read-only key for
 * the host's own endpoint, and a website monitor on that endpoint.
 *
 * @param apiKey    the agent key in plain text; only its hash is stored, so this is the one chance to show it
 * @param agent     that key, authenticated, for in-process calls on the agent's behalf
 * @param service   the host's own read-only key: its traffic neither counts against the agent's rate limit
 *                  nor could change anything
 * @param monitorId the demo monitor
 */
record DemoSeed(String apiKey, Caller agent, Caller service, String monitorId) {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * The host's own database. A real backend hands over its pool (HikariCP, …) the same way; Enori migrates
     * its tables into it at build(). DB_CLOSE_DELAY=-1 because this unpooled data source opens a connection
     * per operation, and in-memory H2 drops the database with the last one.
     */
    static JdbcDataSource inMemoryDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** Issues the two keys and creates the monitor on {@code healthUrl}; the host need not be serving yet. */
    static DemoSeed create(EnoriMcp enori, String healthUrl) {
        ApiKeys.IssuedKey key = enori.apiKeys().create("demo", EnumSet.allOf(Scope.class), "demo agent");
        Caller agent = enori.apiKeys().authenticate(key.plaintext());
        Caller service = enori.apiKeys().authenticate(
                enori.apiKeys().create("demo", EnumSet.of(Scope.MONITORS_READ), "host health endpoint").plaintext());
        ToolOutcome created = enori.call("create_monitor", agent,
                Map.of("type", "website", "name", "Host health", "url", healthUrl));
        return new DemoSeed(key.plaintext(), agent, service, data(created).path("monitor").path("id").asText());
    }

    /** Runs {@code check_now} on the demo monitor (a real HTTP request, so the host must be serving). */
    String checkNow(EnoriMcp enori) {
        return data(enori.call("check_now", agent, Map.of("monitorId", monitorId))).path("result").path("status")
                .asText();
    }

    /** The data of a call start-up cannot go on without; a failure stops it with the tool's own words. */
    static JsonNode data(ToolOutcome outcome) {
        if (outcome instanceof ToolOutcome.Failed failed) {
            throw new IllegalStateException("Enori tool call failed: " + failed.error().toBody());
        }
        return JSON.valueToTree(((ToolOutcome.Ok) outcome).content());
    }
}
