/**
 * Alerts: channels (email, Slack, Discord, Teams, webhook), the dispatcher that turns incident changes into one
 * recorded alert per channel (suppressed by maintenance or the channel owner's snooze) and delivers them on a
 * bounded worker pool with retries, Live Activity pushes, and the tools {@code list_alerts},
 * {@code list_alert_channels} and {@code register_live_activity_token}.
 */
package io.enori.mcp.core.alerts;
