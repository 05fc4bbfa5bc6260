package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.LiveActivityToken;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** register_live_activity_token: every later change of the incident is pushed to this iOS Live Activity. */
public final class RegisterLiveActivityToken
        extends TypedTool<RegisterLiveActivityToken.Input, RegisterLiveActivityToken.Output> {
    static final int MIN_TOKEN = 16;
    static final int MAX_TOKEN = 512;
    /** APNs tokens are hex; base64 and base64url are accepted for other relays. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{" + MIN_TOKEN + "," + MAX_TOKEN + "}");

    record Input(String incidentId, String token, String platform, String label) {
    }

    record Output(String incidentId, String platform, String label, boolean created, OffsetDateTime registeredAt,
                  String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("incidentId", "inc_", "The active incident the Live Activity shows.")
            .requiredText("token", MAX_TOKEN, "The Live Activity push token (hex or base64).")
            .oneOf("platform", List.of("ios", "ipados", "macos", "watchos"), "ios", "Where the activity runs.")
            .text("label", 100, "Optional name for the device.")
            .build();

    private final CoreContext context;

    public RegisterLiveActivityToken(CoreContext context) {
        super(tool("register_live_activity_token").title("Register Live Activity token").group("incidents")
                .requires(Scope.INCIDENTS_WRITE).annotations(ToolAnnotations.idempotentWrite())
                .description("Store an iOS Live Activity push token for an active incident; each later timeline "
                        + "change (acknowledged, update, resolved) is pushed to it. Registering the same token again "
                        + "is harmless (created=false)."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        String token = in.token().strip();
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidArgument("token", "must be " + MIN_TOKEN + "-" + MAX_TOKEN
                    + " characters of hex or base64 (A-Z, a-z, 0-9, +, /, _, -, =)");
        }
        Incident incident = context.storage().incidents().find(caller.accountId(), in.incidentId())
                .orElseThrow(() -> new ToolFailure(ToolError.notFound("Incident not found", "incidentId",
                        in.incidentId())));
        if (!incident.isActive()) {
            throw new ToolFailure(new ToolError("Incident already resolved", Map.of("incidentId", incident.id(),
                    "resolvedAt", incident.resolvedAt().toString())));
        }
        Instant now = context.clock().instant();
        boolean created = context.storage().liveActivities().register(new LiveActivityToken(caller.accountId(),
                incident.id(), token, in.platform(), in.label(), caller.principalId(), now));
        return new Output(incident.id(), in.platform(), in.label(), created, now.atOffset(ZoneOffset.UTC),
                "Later changes of this incident (acknowledged, update, resolved) are pushed to this token.");
    }
}
