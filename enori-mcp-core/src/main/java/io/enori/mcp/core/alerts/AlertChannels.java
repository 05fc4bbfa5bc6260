package io.enori.mcp.core.alerts;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.tool.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates, lists and deletes alert channels from the host's own code (the MCP tools only read them). Obtain it
 * from {@link io.enori.mcp.core.EnoriMcp#alertChannels()}.
 *
 * <pre>{@code
 * AlertChannel ops = enori.alertChannels().create("acme", AlertChannel.Type.SLACK, "#ops",
 *         "https://hooks.slack.com/services/T000/B000/XXXX", null);
 * }</pre>
 */
public final class AlertChannels {
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2048;
    static final int MAX_EMAIL = 254;
    static final int MAX_PRINCIPAL = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final Storage storage;
    private final Clock clock;
    private final Ids ids;

    AlertChannels(Storage storage, Clock clock, Ids ids) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Creates a channel.
     *
     * @param target           an email address for {@code EMAIL}, else the http(s) webhook URL the service gave
     * @param ownerPrincipalId the API key id or OAuth grant id whose snooze silences this channel; {@code null}
     *                         for a shared team channel that is notified whoever snoozed
     * @throws IllegalArgumentException naming the setting at fault (unknown account, blank name, bad address)
     */
    public AlertChannel create(String accountId, AlertChannel.Type type, String name, String target,
                               String ownerPrincipalId) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        String trimmedName = name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be 1-" + MAX_NAME + " characters");
        }
        String checkedTarget = type == AlertChannel.Type.EMAIL ? email(target.strip()) : webhookUrl(type, target.strip());
        if (ownerPrincipalId != null && (ownerPrincipalId.isBlank() || ownerPrincipalId.length() > MAX_PRINCIPAL)) {
            throw new IllegalArgumentException("ownerPrincipalId must be 1-" + MAX_PRINCIPAL + " characters or null");
        }
        if (storage.accounts().find(accountId).isEmpty()) {
            throw new IllegalArgumentException("accountId: no account " + accountId);
        }
        AlertChannel channel = new AlertChannel(ids.next("ch_"), accountId, type, trimmedName, checkedTarget,
                ownerPrincipalId, clock.instant());
        storage.alertChannels().insert(channel);
        return channel;
    }

    /** The account's channels, oldest first. */
    public List<AlertChannel> list(String accountId) {
        return storage.alertChannels().listAll(Objects.requireNonNull(accountId, "accountId"));
    }

    /**
     * Deletes a channel; monitors that name it stop alerting there, and its past alerts stay listed.
     *
     * @return whether the account had it
     */
    public boolean delete(String accountId, String channelId) {
        return storage.alertChannels().delete(Objects.requireNonNull(accountId, "accountId"),
                Objects.requireNonNull(channelId, "channelId"));
    }

    private static String email(String address) {
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("target must be an email address such as ops@example.com for email "
                    + "channels");
        }
        return address;
    }

    private static String webhookUrl(AlertChannel.Type type, String url) {
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("target must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("target must be an absolute http(s) webhook URL for "
                        + type.wireName() + " channels");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("target is not a valid URL: " + e.getReason());
        }
    }
}
