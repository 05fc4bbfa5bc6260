package io.enori.mcp.core.status;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.PlanLimitException;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Status pages as the host application manages them (there is no create tool): create within the plan's cap,
 * list, find, delete. Obtain it from {@link io.enori.mcp.core.EnoriMcp#statusPages()}.
 *
 * <pre>{@code
 * StatusPage page = enori.statusPages().create(accountId, "Acme status",
 *         List.of(new StatusPage.Component("Website", websiteMonitorId), new StatusPage.Component("API", apiId)));
 * }</pre>
 */
public final class StatusPages {
    private final CoreContext context;

    public StatusPages(CoreContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Creates a page without a public slug. */
    public StatusPage create(String accountId, String name, List<StatusPage.Component> components) {
        return create(accountId, name, null, components);
    }

    /**
     * Creates a page whose components show the given monitors of the same account, in order.
     *
     * @param slug its public address segment (lower-case letters, digits, inner hyphens; unique), or {@code null}
     * @throws IllegalArgumentException when the account does not exist, a monitor is not one of the account's
     *                                  ({@code Monitor not found: <id>}), the slug is taken or malformed, or the
     *                                  name or components are invalid
     * @throws PlanLimitException       when the account already has as many pages as its plan allows
     */
    public StatusPage create(String accountId, String name, String slug, List<StatusPage.Component> components) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        List<StatusPage.Component> parts = List.copyOf(Objects.requireNonNull(components, "components"));
        StatusPage page = new StatusPage(context.ids().next("sp_"), accountId, name.strip(), slug, parts,
                context.clock().instant());
        Account account = context.storage().accounts().find(accountId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown account: " + accountId));
        Set<String> own = context.storage().monitors().listAll(accountId).stream().map(Monitor::id)
                .collect(Collectors.toSet());
        for (StatusPage.Component c : parts) {
            if (!own.contains(c.monitorId())) {
                throw new IllegalArgumentException(ToolError.MONITOR_NOT_FOUND + ": " + c.monitorId());
            }
        }
        if (slug != null && context.storage().statusPages().findBySlug(slug).isPresent()) {
            throw new IllegalArgumentException("Slug '" + slug + "' is taken by another status page");
        }
        // Count-then-insert must not interleave, or two concurrent creates could both pass the cap.
        synchronized (this) {
            int cap = account.plan().maxStatusPages();
            if (context.storage().statusPages().count(accountId) >= cap) {
                throw new PlanLimitException("status_pages", cap, account.plan().name());
            }
            context.storage().statusPages().insert(page);
        }
        return page;
    }

    /** Every page of the account, oldest first. */
    public List<StatusPage> list(String accountId) {
        return context.storage().statusPages().listAll(accountId);
    }

    public Optional<StatusPage> find(String accountId, String statusPageId) {
        return context.storage().statusPages().find(accountId, statusPageId);
    }

    /** @return whether the page existed in the account */
    public boolean delete(String accountId, String statusPageId) {
        return context.storage().statusPages().delete(accountId, statusPageId);
    }
}
