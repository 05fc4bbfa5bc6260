/**
 * The check engine: {@link io.enori.mcp.core.checks.DefaultCheckExecutor}, the built-in
 * {@link io.enori.mcp.api.spi.CheckExecutor}, and one small checker per monitor type (Website over HTTP,
 * Port over TCP, Ping over ICMP with a TCP fallback, DNS over JNDI, Domain registration expiry over RDAP). Every
 * failure of a target becomes a {@code DOWN} outcome whose reason is written for people, and no check outlives
 * its timeout by much. {@link io.enori.mcp.core.checks.Scheduler} runs unpaused monitors on a fixed per-monitor
 * grid with bounded workers and queue, never two runs of one monitor at once, and no burst of missed runs after
 * downtime; it judges Job monitors from their heartbeats instead of calling the executor. Nodes sharing one
 * database claim each due run through {@link io.enori.mcp.core.checks.RunClaims}, so it runs on one node and
 * never beside the monitor's previous run on another.
 */
package io.enori.mcp.core.checks;
