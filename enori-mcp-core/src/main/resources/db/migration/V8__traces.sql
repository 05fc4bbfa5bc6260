-- Enori MCP schema, version 8: traces. Website checks send a W3C traceparent and keep its trace id; spans the
-- monitored service exports over OTLP/HTTP are stored per account and linked to the check (and its monitor) that
-- started their trace. Same portability rules as version 1.

ALTER TABLE check_results ADD COLUMN trace_id VARCHAR(32);

-- Ingest looks up the check of a trace id (always together with the account).
CREATE INDEX ix_check_results_trace ON check_results (trace_id);

-- One row per span. attributes and events are JSON texts as received (values are cut on read, not on write,
-- beyond the hard caps the receiver applies). kind is the OTLP enum name without its prefix (SERVER, CLIENT, ...);
-- status_code is UNSET, OK or ERROR. monitor_id and check_id are set when the span links to a check of the same
-- account (same trace id) or names its monitor in the resource attribute enori.monitor.id. received_at drives
-- retention.
CREATE TABLE trace_spans (
    account_id     VARCHAR(64)   NOT NULL,
    trace_id       VARCHAR(32)   NOT NULL,
    span_id        VARCHAR(16)   NOT NULL,
    parent_span_id VARCHAR(16),
    name           VARCHAR(1000) NOT NULL,
    service        VARCHAR(256),
    kind           VARCHAR(16)   NOT NULL,
    start_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    end_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_code    VARCHAR(8)    NOT NULL,
    status_message VARCHAR(2000),
    attributes     TEXT          NOT NULL,
    events         TEXT          NOT NULL,
    monitor_id     VARCHAR(64),
    check_id       VARCHAR(64),
    received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_trace_spans PRIMARY KEY (account_id, trace_id, span_id)
);

CREATE INDEX ix_trace_spans_monitor ON trace_spans (account_id, monitor_id, start_at);
CREATE INDEX ix_trace_spans_received ON trace_spans (received_at);
