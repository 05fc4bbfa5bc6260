package io.enori.mcp.api.spi;

/**
 * Sends alert emails, e.g. through the host's SMTP relay or mail API. Without one, email alerts are recorded as
 * undeliverable. Called from the core's alert workers, never from a request thread.
 */
@FunctionalInterface
public interface EmailSender {
    /**
     * Sends one plain-text email.
     *
     * @throws Exception when it could not be handed over; the core retries with backoff and then records the
     *                   alert as failed with the exception's message
     */
    void send(String to, String subject, String body) throws Exception;
}
