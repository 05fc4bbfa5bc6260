package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an alert says, and the body each service expects: a plain JSON document for webhooks, Slack's
 * incoming-webhook {@code text} (+ {@code blocks}), Discord's {@code content} (+ {@code embeds}), a Microsoft
 * Teams Adaptive Card message, and a subject and plain-text body for email.
 */
final class AlertMessages {
    private static final int DOWN_COLOR = 0xD93F0B;
    private static final int UP_COLOR = 0x2DA44E;

    private AlertMessages() {
    }

    /** One fact line, e.g. Monitor: Shop. */
    record Fact(String name, String value) {
    }

    /** The words of one alert, independent of the channel. */
    record Notice(Alert alert, Incident incident, Monitor monitor, String title, String text, List<Fact> facts) {
        boolean down() {
            return alert.event() == Alert.Event.INCIDENT_OPENED;
        }
    }

    /** @param monitor the incident's monitor, or {@code null} if it is gone */
    static Notice notice(Alert alert, Incident incident, Monitor monitor) {
        String name = monitor == null ? alert.monitorId() : monitor.name();
        String kind = monitor == null ? "" : " (" + monitor.type().wireName() + ")";
        String title;
        String text;
        if (alert.event() == Alert.Event.INCIDENT_OPENED) {
            title = "DOWN: " + name;
            text = name + kind + " is down: " + incident.cause();
        } else {
            title = "RESOLVED: " + name;
            Instant end = incident.resolvedAt() == null ? alert.createdAt() : incident.resolvedAt();
            long minutes = Math.max(0, Duration.between(incident.startedAt(), end).toMinutes());
            String how = incident.resolutionNote() != null ? incident.resolutionNote()
                    : incident.resolvedBy() != null ? "resolved by " + incident.resolvedBy() : "resolved";
            text = name + kind + " is back after " + minutes + " min: " + how;
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Monitor", name + " (" + alert.monitorId() + ")"));
        facts.add(new Fact("Incident", incident.id()));
        facts.add(new Fact("Started", incident.startedAt().toString()));
        if (incident.resolvedAt() != null) {
            facts.add(new Fact("Resolved", incident.resolvedAt().toString()));
        }
        return new Notice(alert, incident, monitor, title, text, List.copyOf(facts));
    }

    /** The generic webhook body: the event with the incident and monitor as data. */
    static String webhook(Notice n) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", n.incident().id());
        incident.put("status", n.incident().status().wireName());
        incident.put("cause", n.incident().cause());
        incident.put("startedAt", iso(n.incident().startedAt()));
        incident.put("acknowledgedAt", iso(n.incident().acknowledgedAt()));
        incident.put("resolvedAt", iso(n.incident().resolvedAt()));
        incident.put("resolutionNote", n.incident().resolutionNote());
        Map<String, Object> monitor = new LinkedHashMap<>();
        monitor.put("id", n.alert().monitorId());
        monitor.put("name", n.monitor() == null ? null : n.monitor().name());
        monitor.put("type", n.monitor() == null ? null : n.monitor().type().wireName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", n.alert().event().wireName());
        body.put("alertId", n.alert().id());
        body.put("occurredAt", iso(n.alert().createdAt()));
        body.put("title", n.title());
        body.put("text", n.text());
        body.put("incident", incident);
        body.put("monitor", monitor);
        return Json.write(body);
    }

    /** Slack incoming webhook: {@code text} is the notification fallback, one mrkdwn section the message. */
    static String slack(Notice n) {
        StringBuilder md = new StringBuilder("*").append(slackEscape(n.title())).append("*\n")
                .append(slackEscape(n.text()));
        for (Fact f : n.facts()) {
            md.append("\n*").append(slackEscape(f.name())).append(":* ").append(slackEscape(f.value()));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("text", Map.of("type", "mrkdwn", "text", clip(md.toString(), 3000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", clip(slackEscape(n.title() + " - " + n.text()), 3000));
        body.put("blocks", List.of(section));
        return Json.write(body);
    }

    /** Discord webhook: {@code content} plus one embed; mentions are disabled so alert text cannot ping anyone. */
    static String discord(Notice n) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Fact f : n.facts()) {
            fields.add(Map.of("name", f.name(), "value", clip(f.value(), 1024), "inline", true));
        }
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", clip(n.title(), 256));
        embed.put("description", clip(n.text(), 4096));
        embed.put("color", n.down() ? DOWN_COLOR : UP_COLOR);
        embed.put("timestamp", iso(n.alert().createdAt()));
        embed.put("fields", fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", clip(n.title(), 2000));
        body.put("embeds", List.of(embed));
        body.put("allowed_mentions", Map.of("parse", List.of()));
        return Json.write(body);
    }

    /** Microsoft Teams incoming webhook (Workflows): a message carrying one Adaptive Card. */
    static String teams(Notice n) {
        Map<String, Object> heading = new LinkedHashMap<>();
        heading.put("type", "TextBlock");
        heading.put("size", "Medium");
        heading.put("weight", "Bolder");
        heading.put("color", n.down() ? "Attention" : "Good");
        heading.put("text", n.title());
        heading.put("wrap", true);
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "TextBlock");
        text.put("text", n.text());
        text.put("wrap", true);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Fact f : n.facts()) {
            facts.add(Map.of("title", f.name(), "value", f.value()));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(heading, text, Map.of("type", "FactSet", "facts", facts)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("attachments", List.of(attachment));
        return Json.write(body);
    }

    static String emailSubject(Notice n) {
        return "[Enori] " + n.title();
    }

    static String emailBody(Notice n) {
        StringBuilder body = new StringBuilder(n.text()).append("\n\n");
        for (Fact f : n.facts()) {
            body.append(f.name()).append(": ").append(f.value()).append('\n');
        }
        return body.toString();
    }

    /** Slack treats &, < and > as control characters in text. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
