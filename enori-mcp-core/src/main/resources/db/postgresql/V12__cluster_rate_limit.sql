-- Cluster mode (PostgreSQL only): the rate limit shared by every node, as per-principal one-second buckets.
CREATE TABLE rate_limit_buckets (
    principal     VARCHAR(200) NOT NULL,
    window_second BIGINT       NOT NULL,
    calls         INTEGER      NOT NULL,
    PRIMARY KEY (principal, window_second)
);

-- For the cheap global purge of idle principals' old buckets.
CREATE INDEX rate_limit_buckets_second ON rate_limit_buckets (window_second);

-- Admits one call of p_principal at p_now_ms if fewer than p_limit calls were admitted in the last 60 one-second
-- buckets, in one statement (one round trip). A transaction-scoped advisory lock per principal serialises the
-- principal's callers across all nodes; each statement below then reads with a fresh snapshot (READ COMMITTED),
-- so the count it sees includes every earlier admitted call: exact, never one more than the limit.
-- Returns whether admitted, calls used in the window afterwards, and (when rejected) the oldest bucket's second.
CREATE FUNCTION enori_rate_acquire(p_principal VARCHAR, p_now_ms BIGINT, p_limit INTEGER)
    RETURNS TABLE (admitted BOOLEAN, used INTEGER, oldest_second BIGINT)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_second BIGINT := floor(p_now_ms / 1000.0);
    v_used   INTEGER;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('enori_rate:' || p_principal, 0));
    DELETE FROM rate_limit_buckets WHERE principal = p_principal AND window_second <= v_second - 60;
    -- Now and then, also the expired buckets of principals that stopped calling (they are outside every window).
    IF random() < 0.01 THEN
        DELETE FROM rate_limit_buckets WHERE window_second <= v_second - 120;
    END IF;
    SELECT COALESCE(SUM(calls), 0) INTO v_used FROM rate_limit_buckets WHERE principal = p_principal;
    IF v_used < p_limit THEN
        INSERT INTO rate_limit_buckets AS b (principal, window_second, calls) VALUES (p_principal, v_second, 1)
            ON CONFLICT (principal, window_second) DO UPDATE SET calls = b.calls + 1;
        RETURN QUERY SELECT TRUE, v_used + 1, NULL::BIGINT;
    ELSE
        RETURN QUERY SELECT FALSE, v_used,
            (SELECT MIN(window_second) FROM rate_limit_buckets WHERE principal = p_principal);
    END IF;
END
$$;
