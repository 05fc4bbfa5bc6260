package io.enori.mcp.core.monitors;

import java.util.concurrent.CompletableFuture;

/**
 * Where {@code check_now} hands a check while checks are being scheduled, so it jumps the queue and never runs
 * a monitor twice at once. The scheduler implements it; {@link #NONE} stands in when there is no scheduler.
 */
public interface CheckQueue {

    /** No scheduler: never running, so {@code check_now} runs each check itself. */
    CheckQueue NONE = new CheckQueue() {
        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public CompletableFuture<CheckRecorder.Recorded> runNow(String accountId, String monitorId) {
            return CompletableFuture.failedFuture(new IllegalStateException("no scheduler"));
        }
    };

    /** Whether {@link #runNow} will run checks; when not, the caller runs the check itself. */
    boolean isRunning();

    /**
     * Checks the monitor ahead of every scheduled run and records the result, joining a run of it already queued
     * or going.
     *
     * @return the recorded result; fails with {@link java.util.NoSuchElementException} for an unknown monitor,
     *         {@link JobHeartbeats.StillPending} for a job monitor still waiting for its first heartbeat,
     *         {@link io.enori.mcp.api.spi.CheckExecutor.NotCheckableException} for a monitor the executor cannot
     *         check, {@link IllegalStateException} when the queue stopped and
     *         {@link java.util.concurrent.RejectedExecutionException} when it is full
     */
    CompletableFuture<CheckRecorder.Recorded> runNow(String accountId, String monitorId);
}
