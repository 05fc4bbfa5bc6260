package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.checks.Scheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** admin_server_stats, admin_rate_limits, admin_recent_errors and admin_audit_log. */
final class ObservabilityTools {
    private static final Map<String, Object> LIMIT = prop("integer", "How many, newest first (default 20, max 200).");

    private ObservabilityTools() {
    }

    private static Map<String, Object> prop(String type, String description) {
        return Map.of("type", type, "description", description);
    }

    static final class ServerStats extends AdminTool {
        private final ToolMetrics metrics;
        private final Scheduler scheduler;

        ServerStats(ToolMetrics metrics, Scheduler scheduler, AdminAudit audit) {
            super("admin_server_stats", "Server stats", "Per tool: calls, errors, p50/p95/p99 ms since start and "
                    + "last 5 min; rate-limit rejections per principal; scheduler queue and counters.", true,
                    schema(Map.of(), List.of(), false), audit);
            this.metrics = metrics;
            this.scheduler = scheduler;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tools", metrics.toolStats());
            out.put("rateLimitRejections", metrics.rateLimitRejections());
            Map<String, Object> sched = new LinkedHashMap<>();
            sched.put("running", scheduler.isRunning());
            sched.put("queueDepth", scheduler.queueDepth());
            sched.put("scheduledMonitors", scheduler.scheduledMonitors());
            sched.put("stats", scheduler.stats());
            out.put("scheduler", sched);
            out.put("sessions", Map.of("stdio", 1));
            return ToolOutcome.ok(out);
        }
    }

    static final class RateLimits extends AdminTool {
        private final io.enori.mcp.core.ratelimit.RateLimits limiter;
        private final ToolMetrics metrics;

        RateLimits(io.enori.mcp.core.ratelimit.RateLimits limiter, ToolMetrics metrics, AdminAudit audit) {
            super("admin_rate_limits", "Rate-limit usage", "Calls used in the current minute per principal, the "
                    + "limits, and rejections since start.", true, schema(Map.of(), List.of(), false), audit);
            this.limiter = limiter;
            this.metrics = metrics;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            int[] limits = limiter.limits();
            return ToolOutcome.ok(Map.of("usedLastMinute", limiter.usage(), "apiKeyLimit", limits[0],
                    "oauthLimit", limits[1], "rejections", metrics.rateLimitRejections()));
        }
    }

    static final class RecentErrors extends AdminTool {
        private final ToolMetrics metrics;

        RecentErrors(ToolMetrics metrics, AdminAudit audit) {
            super("admin_recent_errors", "Recent tool errors", "The last tool errors: tool, principal, message.",
                    true, schema(Map.of("limit", LIMIT), List.of(), false), audit);
            this.metrics = metrics;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            return ToolOutcome.ok(Map.of("errors", metrics.recentErrors(intArg(args, "limit", 20, 1, 200))));
        }
    }

    static final class AuditLog extends AdminTool {
        private final AdminAudit audit;

        AuditLog(AdminAudit audit) {
            super("admin_audit_log", "Admin audit log", "Admin calls, newest first: who, tool, masked arguments, "
                    + "outcome, when.", true, schema(Map.of("limit", LIMIT, "tool", prop("string", "Only this tool.")),
                    List.of(), false), audit);
            this.audit = audit;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            return ToolOutcome.ok(Map.of("entries", audit.recent(string(args, "tool"),
                    intArg(args, "limit", 20, 1, 200))));
        }
    }
}
