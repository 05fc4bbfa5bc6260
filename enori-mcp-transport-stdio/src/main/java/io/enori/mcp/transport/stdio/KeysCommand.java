package io.enori.mcp.transport.stdio;

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
 * {@code keys create|list|revoke}: key management for people and scripts. {@code create} prints only the new
 * key on stdout so {@code KEY=$(java -jar … keys create …)} works; everything else goes to stderr.
 */
final class KeysCommand {
    static final String USAGE = String.join("\n",
            "Usage:",
            "  java -jar enori-mcp-stdio.jar                       serve MCP on stdio (key in ENORI_API_KEY)",
            "  java -jar enori-mcp-stdio.jar keys create --account NAME --scopes S1,S2 [--name LABEL]",
            "  java -jar enori-mcp-stdio.jar keys list",
            "  java -jar enori-mcp-stdio.jar keys revoke KEY_ID",
            "Scopes: " + Scope.allWireNames(),
            "Database: ENORI_DB_URL (default: an H2 file under ~/.enori)");

    private KeysCommand() {
    }

    static int run(String[] args, String dbUrl, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
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
                        err.println("keys revoke needs exactly one KEY_ID.\n" + USAGE);
                        return 2;
                    }
                    return revoke(args[1], dbUrl, out, err);
                default:
                    err.println("Unknown keys command '" + args[0] + "'.\n" + USAGE);
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
            err.println("keys create needs --account NAME and --scopes S1,S2.\n" + USAGE);
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
                throw new IllegalArgumentException("Expected --option VALUE at '" + name + "'.\n" + USAGE);
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
