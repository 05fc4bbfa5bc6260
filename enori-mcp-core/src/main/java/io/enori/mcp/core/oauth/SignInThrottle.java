package io.enori.mcp.core.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing on the built-in sign-in page: after {@link #PER_EMAIL} failed attempts for one email, or
 * {@link #PER_ADDRESS} from one client address, within {@link #WINDOW}, further attempts are refused without
 * checking the password until the window that started with the first failure has passed. Unknown emails count like
 * known ones, so the throttle tells nobody whether an account exists. A success clears the email's count.
 *
 * <p>Counts are per node and bounded ({@link #MAX_KEYS} keys, least recently used go first): an attacker who
 * floods the table with fresh keys only evicts their own old counts, and each attempt still costs a full PBKDF2
 * verification.
 */
public final class SignInThrottle {
    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 100_000;

    private record Failures(Instant firstAt, int count) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures;

    SignInThrottle(Clock clock) {
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();
    }

    /** How long until an attempt for this email from this address may be checked, or empty when it may now. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration forEmail = wait(emailKey(email), PER_EMAIL, now);
        Duration forAddress = wait(addressKey(address), PER_ADDRESS, now);
        Duration longest = forEmail.compareTo(forAddress) >= 0 ? forEmail : forAddress;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed attempt against the email and the address. */
    public void failed(String email, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {emailKey(email), addressKey(address)}) {
            failures.asMap().merge(key, new Failures(now, 1), (old, one) -> old.firstAt().plus(WINDOW).isAfter(now)
                    ? new Failures(old.firstAt(), old.count() + 1) : one);
        }
    }

    /** A correct password: the email starts afresh (the address keeps its count; it may be trying many emails). */
    public void succeeded(String email) {
        failures.invalidate(emailKey(email));
    }

    private Duration wait(String key, int limit, Instant now) {
        Failures seen = failures.getIfPresent(key);
        if (seen == null || seen.count() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, seen.firstAt().plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String emailKey(String email) {
        return "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
