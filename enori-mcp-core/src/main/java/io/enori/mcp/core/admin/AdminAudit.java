package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.Ids;
import io.enori.mcp.core.tool.Json;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Writes and reads {@code admin_audit_log}; argument values whose names look secret are masked. */
public final class AdminAudit {
    private static final Pattern SECRET = Pattern.compile("(?i).*(key|secret|token|password|target|plaintext).*");
    private static final int MAX_ARGUMENTS = 8000;

    /** One audited call. */
    public record Entry(String at, String principal, String accountId, String tool, String outcome,
                        Map<String, Object> arguments) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public AdminAudit(Jdbi jdbi, Clock clock, Ids ids) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
    }

    void record(Caller caller, String tool, Map<String, Object> args, ToolOutcome outcome) {
        String json = Json.write(mask(args));
        if (json.length() > MAX_ARGUMENTS) {
            json = Json.write(Map.of("truncated", true));
        }
        String written = json;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO admin_audit_log (id, principal_id, account_id, tool, "
                        + "arguments, outcome, called_at) VALUES (:id, :p, :a, :t, :args, :o, :at)")
                .bind("id", ids.next("aud_"))
                .bind("p", caller.principalId())
                .bind("a", args.get("accountId") == null ? null : String.valueOf(args.get("accountId")))
                .bind("t", tool)
                .bind("args", written)
                .bind("o", outcome instanceof ToolOutcome.Ok ? "ok" : "error")
                .bind("at", Timestamp.from(clock.instant()))
                .execute());
    }

    /** The newest entries first, optionally of one tool. */
    public List<Entry> recent(String tool, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT principal_id, account_id, tool, arguments, outcome, "
                        + "called_at FROM admin_audit_log WHERE (:t IS NULL OR tool = :t) "
                        + "ORDER BY called_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .bind("t", tool)
                .map((rs, ctx) -> new Entry(rs.getTimestamp("called_at").toInstant().toString(),
                        rs.getString("principal_id"), rs.getString("account_id"), rs.getString("tool"),
                        rs.getString("outcome"), parse(rs.getString("arguments"))))
                .list());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return Json.mapper().readValue(json, Map.class);
        } catch (java.io.IOException e) {
            return Map.of("unreadable", true);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mask(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                out.put(k, mask((Map<String, Object>) m));
            } else if (v != null && SECRET.matcher(k.toLowerCase(Locale.ROOT)).matches() && !k.endsWith("Id")) {
                out.put(k, "***");
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

}
