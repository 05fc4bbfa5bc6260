package io.enori.mcp.core.cli;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.oauth.Users;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code users create|list|reset-password}, shared by the stdio and HTTP launchers: the people who sign in on the
 * OAuth login page. Passwords are read from the first line of stdin (never from the command line, where other
 * users of the machine could see them): {@code printf '%s\n' "$PW" | java -jar … users create --account acme
 * --email ann@example.com}. {@code --password-stdin} may be given to say so explicitly.
 */
public final class UsersCommand {
    /** Usage of the users commands, for a launcher's help text. */
    public static String usage(String jar) {
        return String.join("\n",
                "  java -jar " + jar + " users create --account NAME --email EMAIL [--password-stdin]   (password on stdin)",
                "  java -jar " + jar + " users list",
                "  java -jar " + jar + " users reset-password --email EMAIL [--password-stdin]        (password on stdin)");
    }

    private UsersCommand() {
    }

    /**
     * Runs {@code users …} (args without the leading {@code users}) against the database at {@code dbUrl}.
     *
     * @return the process exit code: 0 done, 1 nothing to do (unknown email), 2 bad usage
     */
    public static int run(String[] args, String dbUrl, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage("<jar>"));
            return 2;
        }
        try {
            switch (args[0]) {
                case "create":
                    return create(options(args), dbUrl, in, out, err);
                case "list":
                    if (args.length != 1) {
                        err.println("users list takes no options.\n" + usage("<jar>"));
                        return 2;
                    }
                    return list(dbUrl, out);
                case "reset-password":
                    return resetPassword(options(args), dbUrl, in, out, err);
                default:
                    err.println("Unknown users command '" + args[0] + "'.\n" + usage("<jar>"));
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int create(Map<String, String> options, String dbUrl, InputStream in, PrintStream out,
                              PrintStream err) {
        String account = options.get("--account");
        String email = options.get("--email");
        if (account == null || email == null) {
            err.println("users create needs --account NAME and --email EMAIL.\n" + usage("<jar>"));
            return 2;
        }
        char[] password = readPassword(in);
        try {
            Users.User user = EnoriMcp.builder().jdbcUrl(dbUrl).build().oauth().users().create(account, email, password);
            out.println("Created user " + user.id() + " (" + user.email() + ") for account '" + account.strip() + "'");
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static int list(String dbUrl, PrintStream out) {
        out.printf("%-26s %-26s %-40s %s%n", "ID", "ACCOUNT", "EMAIL", "CREATED");
        for (Users.Listed listed : EnoriMcp.builder().jdbcUrl(dbUrl).build().oauth().users().list()) {
            out.printf("%-26s %-26s %-40s %s%n", listed.user().id(), listed.accountName(), listed.user().email(),
                    listed.user().createdAt());
        }
        return 0;
    }

    private static int resetPassword(Map<String, String> options, String dbUrl, InputStream in, PrintStream out,
                                     PrintStream err) {
        String email = options.get("--email");
        if (email == null || options.containsKey("--account")) {
            err.println("users reset-password needs --email EMAIL.\n" + usage("<jar>"));
            return 2;
        }
        char[] password = readPassword(in);
        try {
            if (EnoriMcp.builder().jdbcUrl(dbUrl).build().oauth().users().resetPassword(email, password)) {
                out.println("Password of " + email.strip() + " reset");
                return 0;
            }
            err.println("No user with email " + email.strip() + " (see users list).");
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The first line of stdin, without its line break. */
    private static char[] readPassword(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("Give the password on stdin (one line), e.g. "
                        + "printf '%s\\n' \"$PASSWORD\" | java -jar … users …");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the password from stdin: " + e.getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--password-stdin")) {
                continue;
            }
            if (name.equals("--password")) {
                throw new IllegalArgumentException("Passwords are not taken on the command line; pipe it to stdin.");
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option VALUE at '" + name + "'.\n" + usage("<jar>"));
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
