-- The cluster rate limiter's commit no longer waits for its WAL flush (issue 9's benchmark: with one key, every
-- node's calls queued behind that flush while holding the key's lock, ~3 ms each, capping a key at ~320 calls/s
-- on the benchmark machine whatever the number of nodes; without the wait one node reached ~1,750 calls/s).
-- Counting stays exact across nodes: the lock is still held until the commit, and a committed count is visible to
-- the next caller at once. Only a crash of PostgreSQL itself can forget the last fraction of a second of counts,
-- which at worst admits that many extra calls once; no other table is affected (the setting is transaction-local).
CREATE OR REPLACE FUNCTION enori_rate_acquire(p_principal VARCHAR, p_now_ms BIGINT, p_limit INTEGER)
    RETURNS TABLE (admitted BOOLEAN, used INTEGER, oldest_second BIGINT)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_second BIGINT := floor(p_now_ms / 1000.0);
    v_used   INTEGER;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
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
