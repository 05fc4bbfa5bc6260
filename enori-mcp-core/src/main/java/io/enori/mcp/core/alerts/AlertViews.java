package io.enori.mcp.core.alerts;

import io.enori.mcp.api.AlertChannel;
import java.net.URI;
import java.net.URISyntaxException;

/** How channels look to a client: a webhook URL's path and query are its secret, so only its host is shown. */
final class AlertViews {
    private AlertViews() {
    }

    /** An email address as is; a webhook URL as {@code https://host/…}. */
    static String maskedTarget(AlertChannel channel) {
        if (channel.type() == AlertChannel.Type.EMAIL) {
            return channel.target();
        }
        try {
            URI uri = new URI(channel.target());
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            boolean more = (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null;
            return origin + (more ? "/…" : "/");
        } catch (URISyntaxException e) {
            return "(hidden)";
        }
    }
}
