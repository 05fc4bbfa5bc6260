package io.enori.mcp.core.admin;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.alerts.AlertChannels;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.checks.Scheduler;
import io.enori.mcp.core.ratelimit.RateLimits;
import io.enori.mcp.core.slo.SloEngine;
import io.enori.mcp.core.status.StatusPages;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin tools, offered only when the admin key matched: {@code manage_*} CRUD across accounts (delegating
 * to the public tools and core facades), server statistics, rate-limit usage, recent errors, database
 * validation and statistics, and the audit log.
 */
public final class AdminCatalog {
    /** What the admin tools are built from; all from the running {@code EnoriMcp}. */
    public record Parts(CoreContext context, Jdbi jdbi, Map<String, Tool> publicTools, AlertChannels alertChannels,
                        StatusPages statusPages, ApiKeys apiKeys, ToolMetrics metrics, RateLimits rateLimiter,
                        Scheduler scheduler) {
        public Parts {
            Objects.requireNonNull(jdbi, "admin tools need a JDBC (JdbiStorage) database");
        }
    }

    private AdminCatalog() {
    }

    public static List<Tool> all(Parts p) {
        AdminAudit audit = new AdminAudit(p.jdbi(), p.context().clock(), p.context().ids());
        DbValidation validation = new DbValidation(p.jdbi(), new SloEngine(p.context()), p.context());
        List<Tool> tools = new ArrayList<>();
        tools.add(manage("manage_monitors", "monitors", "Monitor CRUD in any account; other arguments as "
                + "list_monitors/get_monitor/create_monitor/update_monitor; delete removes it with its history.",
                p, audit, Map.of("list", "list_monitors", "get", "get_monitor", "create", "create_monitor",
                        "update", "update_monitor"),
                Map.of("delete", sqlDelete(p.jdbi(), "monitors", "monitorId", "Monitor not found"))));
        tools.add(manage("manage_incidents", "incidents", "Incidents in any account: list/get as "
                + "list_incidents/get_incident; update with status acknowledged|resolved (note) or message.",
                p, audit, Map.of("list", "list_incidents", "get", "get_incident"),
                Map.of("update", incidentUpdate(p.publicTools()),
                        "delete", sqlDelete(p.jdbi(), "incidents", "incidentId", "Incident not found"))));
        tools.add(manage("manage_slos", "slos", "SLO CRUD in any account; arguments as list_slos/"
                + "get_slo_status/create_slo/update_slo/delete_slo.", p, audit,
                Map.of("list", "list_slos", "get", "get_slo_status", "create", "create_slo", "update", "update_slo",
                        "delete", "delete_slo"), Map.of()));
        tools.add(manage("manage_maintenance_windows", "maintenance windows", "Maintenance windows in any "
                + "account; list/create as list_maintenance_windows/create_maintenance_window.", p, audit,
                Map.of("list", "list_maintenance_windows", "create", "create_maintenance_window"),
                Map.of("get", (c, a) -> p.context().storage().maintenanceWindows()
                                .find(AdminTool.required(a, "accountId"), AdminTool.required(a, "windowId"))
                                .<ToolOutcome>map(w -> ToolOutcome.ok(Map.of("window", w)))
                                .orElseGet(() -> notFound("Maintenance window not found", "windowId", a)),
                        "delete", sqlDelete(p.jdbi(), "maintenance_windows", "windowId",
                                "Maintenance window not found"))));
        tools.add(new ManageTool("manage_alert_channels", "alert channels", "Alert channels in any account: "
                + "create (type email|slack|discord|teams|webhook, name, target), list, get/delete (channelId).",
                channels(p.alertChannels()), audit));
        tools.add(new ManageTool("manage_status_pages", "status pages", "Status pages in any account: create "
                + "(name, slug?, components [{name, monitorId}]), list, get/delete (statusPageId).",
                statusPages(p.statusPages()), audit));
        tools.add(new ManageTool("manage_api_keys", "API keys", "API keys: create (accountName, scopes "
                + "comma-separated, name) returns the key once; list (accountId?); delete revokes (keyId).",
                apiKeys(p.apiKeys()), audit));
        tools.add(new ManageTool("manage_accounts", "accounts", "Accounts and plans: list, get (accountId), "
                + "update (accountId; planName, maxMonitors, maxStatusPages, maxMaintenanceWindows, "
                + "freeBrowserSlots).", accounts(p), audit));
        tools.add(new ObservabilityTools.ServerStats(p.metrics(), p.scheduler(), audit));
        tools.add(new ObservabilityTools.RateLimits(p.rateLimiter(), p.metrics(), audit));
        tools.add(new ObservabilityTools.RecentErrors(p.metrics(), audit));
        tools.add(new DbValidation.Validate(validation, audit));
        tools.add(new DbValidation.Stats(validation, audit));
        tools.add(new ObservabilityTools.AuditLog(audit));
        return tools;
    }

    private static ManageTool manage(String name, String entity, String description, Parts p, AdminAudit audit,
                                     Map<String, String> delegated, Map<String, AdminTool.Handler> own) {
        Map<String, AdminTool.Handler> actions = new LinkedHashMap<>();
        for (String action : ManageTool.ACTIONS) {
            if (delegated.containsKey(action)) {
                Tool tool = Objects.requireNonNull(p.publicTools().get(delegated.get(action)), delegated.get(action));
                actions.put(action, ManageTool.delegate(tool));
            } else if (own.containsKey(action)) {
                actions.put(action, own.get(action));
            }
        }
        return new ManageTool(name, entity, description, actions, audit);
    }

    private static AdminTool.Handler incidentUpdate(Map<String, Tool> tools) {
        return (caller, args) -> {
            Map<String, Object> rest = new LinkedHashMap<>(args);
            Object status = rest.remove("status");
            String note = rest.get("note") == null ? null : String.valueOf(rest.remove("note"));
            if ("acknowledged".equals(status)) {
                if (note != null) {
                    rest.put("note", note);
                }
                return ManageTool.delegate(tools.get("acknowledge_incident")).handle(caller, rest);
            }
            if ("resolved".equals(status)) {
                if (note != null) {
                    rest.put("resolutionNote", note);
                }
                return ManageTool.delegate(tools.get("resolve_incident")).handle(caller, rest);
            }
            if (status != null) {
                return ToolOutcome.failed(ToolError.invalidArgument("status", "must be acknowledged or resolved"));
            }
            return ManageTool.delegate(tools.get("add_incident_update")).handle(caller, rest);
        };
    }

    private static AdminTool.Handler sqlDelete(Jdbi jdbi, String table, String idField, String notFound) {
        return (caller, args) -> {
            String accountId = AdminTool.required(args, "accountId");
            String id = AdminTool.required(args, idField);
            int n = jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE account_id = :a AND id = :id")
                    .bind("a", accountId).bind("id", id).execute());
            return n == 0 ? notFound(notFound, idField, args) : ToolOutcome.ok(Map.of("deleted", id));
        };
    }

    private static ToolOutcome notFound(String message, String field, Map<String, Object> args) {
        return ToolOutcome.failed(ToolError.notFound(message, field, String.valueOf(args.get(field))));
    }

    private static Map<String, AdminTool.Handler> channels(AlertChannels channels) {
        Map<String, AdminTool.Handler> m = new LinkedHashMap<>();
        m.put("list", (c, a) -> ToolOutcome.ok(Map.of("channels", channels.list(AdminTool.required(a, "accountId")))));
        m.put("get", (c, a) -> channels.list(AdminTool.required(a, "accountId")).stream()
                .filter(ch -> ch.id().equals(a.get("channelId"))).findFirst()
                .<ToolOutcome>map(ch -> ToolOutcome.ok(Map.of("channel", ch)))
                .orElseGet(() -> notFound("Alert channel not found", "channelId", a)));
        m.put("create", (c, a) -> {
            AlertChannel.Type type;
            try {
                type = AlertChannel.Type.valueOf(AdminTool.required(a, "type").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ToolFailure(ToolError.invalidArgument("type", "must be email, slack, discord, teams or webhook"));
            }
            return ToolOutcome.ok(Map.of("channel", channels.create(AdminTool.required(a, "accountId"), type,
                    AdminTool.required(a, "name"), AdminTool.required(a, "target"), AdminTool.string(a, "ownerPrincipalId"))));
        });
        m.put("delete", (c, a) -> channels.delete(AdminTool.required(a, "accountId"), AdminTool.required(a, "channelId"))
                ? ToolOutcome.ok(Map.of("deleted", a.get("channelId"))) : notFound("Alert channel not found", "channelId", a));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AdminTool.Handler> statusPages(StatusPages pages) {
        Map<String, AdminTool.Handler> m = new LinkedHashMap<>();
        m.put("list", (c, a) -> ToolOutcome.ok(Map.of("statusPages", pages.list(AdminTool.required(a, "accountId")))));
        m.put("get", (c, a) -> pages.find(AdminTool.required(a, "accountId"), AdminTool.required(a, "statusPageId"))
                .<ToolOutcome>map(sp -> ToolOutcome.ok(Map.of("statusPage", sp)))
                .orElseGet(() -> notFound(ToolError.STATUS_PAGE_NOT_FOUND, "statusPageId", a)));
        m.put("create", (c, a) -> {
            List<StatusPage.Component> components = new ArrayList<>();
            Object raw = a.get("components");
            if (raw instanceof List<?> list) {
                for (Object o : list) {
                    Map<String, Object> comp = (Map<String, Object>) o;
                    components.add(new StatusPage.Component(String.valueOf(comp.get("name")),
                            String.valueOf(comp.get("monitorId"))));
                }
            }
            return ToolOutcome.ok(Map.of("statusPage", pages.create(AdminTool.required(a, "accountId"),
                    AdminTool.required(a, "name"), AdminTool.string(a, "slug"), components)));
        });
        m.put("delete", (c, a) -> pages.delete(AdminTool.required(a, "accountId"), AdminTool.required(a, "statusPageId"))
                ? ToolOutcome.ok(Map.of("deleted", a.get("statusPageId")))
                : notFound(ToolError.STATUS_PAGE_NOT_FOUND, "statusPageId", a));
        return m;
    }

    private static Map<String, Object> keyView(ApiKey k) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("keyId", k.id());
        v.put("accountId", k.accountId());
        v.put("name", k.name());
        v.put("prefix", k.prefix());
        v.put("scopes", k.scopes().stream().map(Scope::wireName).sorted().toList());
        v.put("revoked", k.revokedAt() != null);
        return v;
    }

    private static Map<String, AdminTool.Handler> apiKeys(ApiKeys keys) {
        Map<String, AdminTool.Handler> m = new LinkedHashMap<>();
        m.put("list", (c, a) -> ToolOutcome.ok(Map.of("keys", keys.list().stream()
                .filter(k -> a.get("accountId") == null || k.accountId().equals(a.get("accountId")))
                .map(AdminCatalog::keyView).toList())));
        m.put("get", (c, a) -> keys.list().stream().filter(k -> k.id().equals(a.get("keyId"))).findFirst()
                .<ToolOutcome>map(k -> ToolOutcome.ok(Map.of("key", keyView(k))))
                .orElseGet(() -> notFound("API key not found", "keyId", a)));
        m.put("create", (c, a) -> {
            String scopes = AdminTool.string(a, "scopes");
            ApiKeys.IssuedKey issued = keys.create(AdminTool.required(a, "accountName"),
                    scopes == null ? java.util.EnumSet.allOf(Scope.class) : Scope.parseList(scopes),
                    AdminTool.string(a, "name"));
            Map<String, Object> out = new LinkedHashMap<>(keyView(issued.key()));
            out.put("key", issued.plaintext());
            return ToolOutcome.ok(out);
        });
        m.put("delete", (c, a) -> keys.revoke(AdminTool.required(a, "keyId"))
                ? ToolOutcome.ok(Map.of("revoked", a.get("keyId"))) : notFound("API key not found", "keyId", a));
        return m;
    }

    private static Map<String, AdminTool.Handler> accounts(Parts p) {
        Map<String, AdminTool.Handler> m = new LinkedHashMap<>();
        m.put("list", (c, a) -> ToolOutcome.ok(Map.of("accounts", p.context().storage().accounts().list())));
        m.put("get", (c, a) -> p.context().storage().accounts().find(AdminTool.required(a, "accountId"))
                .<ToolOutcome>map(acc -> ToolOutcome.ok(Map.of("account", acc)))
                .orElseGet(() -> notFound("Account not found", "accountId", a)));
        m.put("update", (c, a) -> {
            String id = AdminTool.required(a, "accountId");
            Account acc = p.context().storage().accounts().find(id).orElseThrow(() ->
                    new ToolFailure(ToolError.notFound("Account not found", "accountId", id)));
            Plan old = acc.plan();
            Plan plan = new Plan(a.get("planName") == null ? old.name() : AdminTool.required(a, "planName"),
                    AdminTool.intArg(a, "maxMonitors", old.maxMonitors(), 0, 100_000),
                    AdminTool.intArg(a, "maxStatusPages", old.maxStatusPages(), 0, 10_000),
                    AdminTool.intArg(a, "maxMaintenanceWindows", old.maxMaintenanceWindows(), 0, 10_000),
                    AdminTool.intArg(a, "freeBrowserSlots", old.freeBrowserSlots(), 0, 10_000));
            p.jdbi().useHandle(h -> h.createUpdate("UPDATE accounts SET plan_name = :n, max_monitors = :m, "
                            + "max_status_pages = :s, max_maintenance_windows = :w, free_browser_slots = :b WHERE id = :id")
                    .bind("n", plan.name()).bind("m", plan.maxMonitors()).bind("s", plan.maxStatusPages())
                    .bind("w", plan.maxMaintenanceWindows()).bind("b", plan.freeBrowserSlots()).bind("id", id)
                    .execute());
            return ToolOutcome.ok(Map.of("account", new Account(acc.id(), acc.name(), plan, acc.createdAt())));
        });
        return m;
    }
}
