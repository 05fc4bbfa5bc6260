package io.enori.mcp.core.oauth;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.spi.OAuthStore;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People who sign in on the built-in login page. A user belongs to one account; the email is unique across the
 * server. Passwords are kept only as PBKDF2WithHmacSHA256 hashes ({@value PasswordHasher#ITERATIONS} iterations,
 * per-user salt). {@link #verify} takes as long for an unknown email as for a wrong password and answers the
 * same, so the login page cannot tell anyone whether an account exists.
 */
public final class Users {
    /** A user, without the password hash. */
    public record User(String id, String accountId, String email, Instant createdAt) {
    }

    /** A user with their account's name, for listings. */
    public record Listed(User user, String accountName) {
    }

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final CoreContext context;
    private final PasswordHasher hasher;

    Users(CoreContext context, PasswordHasher hasher) {
        this.context = Objects.requireNonNull(context);
        this.hasher = Objects.requireNonNull(hasher);
    }

    private OAuthStore store() {
        return context.storage().oauth();
    }

    /**
     * Creates a user of the named account, creating the account (on the default plan) if it does not exist.
     *
     * @throws IllegalArgumentException for a malformed email, a password shorter than {@value #MIN_PASSWORD}
     *                                  characters, or an email that is already taken
     */
    public synchronized User create(String accountName, String email, char[] password) {
        if (accountName == null || accountName.isBlank() || accountName.length() > 100) {
            throw new IllegalArgumentException("account name must be 1-100 characters");
        }
        String normalized = normalizeEmail(email);
        checkPassword(password);
        if (store().findUserByEmail(normalized).isPresent()) {
            throw new IllegalArgumentException("a user with email " + normalized + " already exists");
        }
        Account account = context.storage().accounts().findByName(accountName.strip()).orElseGet(() -> {
            Account created = new Account(context.ids().next("acc_"), accountName.strip(), context.defaultPlan(),
                    context.clock().instant());
            context.storage().accounts().insert(created);
            return created;
        });
        Instant now = context.clock().instant();
        OAuthStore.User user = new OAuthStore.User(context.ids().next("usr_"), account.id(), normalized,
                hasher.hash(password), now, now);
        store().insertUser(user);
        return view(user);
    }

    /** Every user, oldest first, with their account's name. */
    public List<Listed> list() {
        return store().listUsers(null).stream().map(u -> new Listed(view(u),
                context.storage().accounts().find(u.accountId()).map(Account::name).orElse(u.accountId()))).toList();
    }

    /**
     * Sets a new password. Grants already given stay valid (revoke them separately if the password leaked).
     *
     * @return false when no user has that email
     * @throws IllegalArgumentException for a password shorter than {@value #MIN_PASSWORD} characters
     */
    public boolean resetPassword(String email, char[] newPassword) {
        checkPassword(newPassword);
        Optional<OAuthStore.User> user = store().findUserByEmail(normalizeEmail(email));
        return user.isPresent()
                && store().updatePassword(user.get().id(), hasher.hash(newPassword), context.clock().instant());
    }

    /** A user by id, e.g. from a sign-in session the transport keeps. */
    public Optional<User> find(String userId) {
        return userId == null ? Optional.empty() : store().findUser(userId).map(Users::view);
    }

    /** The user with this email and password, or empty, whichever of the two was wrong, in the same time. */
    public Optional<User> verify(String email, char[] password) {
        if (email == null || password == null || password.length > MAX_PASSWORD) {
            hasher.verifyDecoy(new char[0]);
            return Optional.empty();
        }
        Optional<OAuthStore.User> user = store().findUserByEmail(email.strip().toLowerCase(Locale.ROOT));
        if (user.isEmpty()) {
            hasher.verifyDecoy(password);
            return Optional.empty();
        }
        return hasher.verify(password, user.get().passwordHash()) ? user.map(Users::view) : Optional.empty();
    }

    private static User view(OAuthStore.User u) {
        return new User(u.id(), u.accountId(), u.email(), u.createdAt());
    }

    static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !EMAIL.matcher(e).matches()) {
            throw new IllegalArgumentException("email must look like name@example.com");
        }
        return e;
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("password must be " + MIN_PASSWORD + "-" + MAX_PASSWORD + " characters");
        }
    }
}
