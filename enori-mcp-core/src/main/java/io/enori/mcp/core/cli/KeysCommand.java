package io.enori.mcp.core.cli;

import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code keys create|list|revoke}, shared by the stdio and HTTP launchers: key management for people and scripts. {@code create} prints only the new
 * key on stdout so {@code KEY=$(java -jar … keys create …)} works; everything else goes to stderr.
 */
public final class KeysCommand {
    /** Usage of the keys commands, for a launcher's help text. */
    public static String usage(String jar) {
        return String.join("\n",
                "  java -jar " + jar + " keys create --account NAME --scopes S1,S2 [--name LABEL]",
                "  java -jar " + jar + " keys list",
                "  java -jar " + jar + " keys revoke KEY_ID",
                "Scopes: " + Scope.allWireNames());
    }

    private KeysCommand() {
    }

    /**
     * Runs {@code keys …} (args without the leading {@code keys}) against the database at {@code dbUrl}.
     *
     * @return the process exit code: 0 done, 1 nothing to do (e.g. unknown key), 2 bad usage
     */
    public static int run(String[] args, String dbUrl, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage("<jar>"));
            return 2;
        }
        try {
            switch (args[0]) {
                case "create":
                    return create(options(args, 1), dbUrl, out, err);
                case "list":
                    return list(dbUrl, out);
                case "revoke":
                    if (args.length != 2) {
                        err.println("keys revoke needs exactly one KEY_ID.\n" + usage("<jar>"));
                        return 2;
                    }
                    return revoke(args[1], dbUrl, out, err);
                default:
                    err.println("Unknown keys command '" + args[0] + "'.\n" + usage("<jar>"));
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int create(Map<String, String> options, String dbUrl, PrintStream out, PrintStream err) {
        String account = options.get("--account");
        String scopes = options.get("--scopes");
        if (account == null || scopes == null) {
            err.println("keys create needs --account NAME and --scopes S1,S2.\n" + usage("<jar>"));
            return 2;
        }
        Set<Scope> parsed = Scope.parseList(scopes);
        ApiKeys.IssuedKey issued = EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys()
                .create(account, parsed, options.getOrDefault("--name", ""));
        err.println("Created " + issued.key().id() + " for account '" + issued.account().name() + "' with scopes "
                + issued.key().scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(","))
                + ". The key is shown once:");
        out.println(issued.plaintext());
        return 0;
    }

    private static int list(String dbUrl, PrintStream out) {
        EnoriMcp enori = EnoriMcp.builder().jdbcUrl(dbUrl).build();
        out.printf("%-26s %-26s %-12s %-12s %-20s %s%n", "ID", "ACCOUNT", "PREFIX", "STATUS", "NAME", "SCOPES");
        for (ApiKey key : enori.apiKeys().list()) {
            String account = enori.storage().accounts().find(key.accountId()).map(a -> a.name()).orElse(key.accountId());
            out.printf("%-26s %-26s %-12s %-12s %-20s %s%n", key.id(), account, key.prefix() + "…",
                    key.isRevoked() ? "revoked" : "active", key.name(),
                    key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")));
        }
        return 0;
    }

    private static int revoke(String keyId, String dbUrl, PrintStream out, PrintStream err) {
        if (EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys().revoke(keyId)) {
            out.println("Revoked " + keyId);
            return 0;
        }
        err.println("No active key with id " + keyId + " (see keys list).");
        return 1;
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option VALUE at '" + name + "'.\n" + usage("<jar>"));
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
