package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ShareLink;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * share_monitor: creates or revokes a read-only public link to a monitor's status. The token is stored hashed,
 * so the URL is shown once; revoke and create again for a new one.
 */
public final class ShareMonitor extends TypedTool<ShareMonitor.Input, ShareMonitor.Output> {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Input(String monitorId, String action) {
    }

    record Output(String monitorId, String action, String shareUrl, Instant createdAt, int activeLinks,
                  int revokedLinks, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to share.")
            .oneOf("action", List.of("create", "revoke"), "create", "create a new link, or revoke all links.")
            .build();

    private final CoreContext context;

    public ShareMonitor(CoreContext context) {
        super(tool("share_monitor").title("Share monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.write())
                .description("Create a read-only public link to a monitor's status (action=create, the default; the "
                        + "URL is shown once) or revoke all its links (action=revoke)."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        if (in.action().equals("revoke")) {
            int revoked = context.storage().shareLinks().revokeAll(caller.accountId(), monitor.id(), now);
            return new Output(monitor.id(), "revoke", null, null, 0, revoked,
                    revoked == 0 ? "The monitor had no active share links." : null);
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        context.storage().shareLinks().insert(new ShareLink(context.ids().next("shr_"), caller.accountId(),
                monitor.id(), ApiKeys.hash(token), now, null));
        int active = context.storage().shareLinks().listActive(caller.accountId(), monitor.id()).size();
        return new Output(monitor.id(), "create", context.publicBaseUrl() + "/share/" + token, now, active, 0,
                "Anyone with this URL can see the monitor's status. It is shown only now.");
    }
}
