/**
 * Traces of website checks: the OTLP/HTTP JSON receiver's logic ({@link io.enori.mcp.core.traces.TraceIngest}),
 * span retention, and the tools get_monitor_traces and get_trace_detail.
 */
package io.enori.mcp.core.traces;
