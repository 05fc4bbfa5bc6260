package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.spi.OAuthStore;
import io.enori.mcp.api.spi.OAuthStore.Client;
import io.enori.mcp.api.spi.OAuthStore.Code;
import io.enori.mcp.api.spi.OAuthStore.Grant;
import io.enori.mcp.api.spi.OAuthStore.Token;
import io.enori.mcp.api.spi.OAuthStore.TokenKind;
import io.enori.mcp.api.spi.OAuthStore.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OAuth clients, users, grants, codes and tokens. */
interface OAuthContract extends ContractSupport {

    private OAuthStore oauth() {
        return storage().oauth();
    }

    private Grant grant(String id, String account) {
        Grant grant = new Grant(id, account, null, "cli_1", "http://127.0.0.1:8080/mcp", "monitors:read", at(10), null);
        oauth().insertGrant(grant);
        return grant;
    }

    @Test
    default void clientsKeepTheirRedirectUrisInOrder() {
        Client client = new Client("cli_1", "Claude", List.of("https://claude.ai/cb?a=1,b=2", "http://127.0.0.1:5/cb"),
                at(1));
        oauth().insertClient(client);

        assertThat(oauth().findClient("cli_1")).contains(client);
        assertThat(oauth().findClient("cli_2")).isEmpty();
    }

    @Test
    default void usersAreFoundByEmailListedPerAccountAndEmailsAreUnique() {
        User alice = new User("usr_1", A, "alice@example.com", "pbkdf2_sha256$1$a$b", at(1), at(1));
        User bob = new User("usr_2", B, "bob@example.com", "pbkdf2_sha256$1$c$d", at(2), at(2));
        oauth().insertUser(alice);
        oauth().insertUser(bob);

        assertThat(oauth().findUserByEmail("alice@example.com")).contains(alice);
        assertThat(oauth().findUserByEmail("carol@example.com")).isEmpty();
        assertThat(oauth().findUser("usr_2")).contains(bob);
        assertThat(oauth().findUser("usr_missing")).isEmpty();
        assertThat(oauth().listUsers(A)).containsExactly(alice);
        assertThat(oauth().listUsers(null)).containsExactly(alice, bob);
        assertThatThrownBy(() -> oauth().insertUser(new User("usr_3", B, "alice@example.com", "h", at(3), null)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(oauth().updatePassword("usr_1", "pbkdf2_sha256$1$e$f", at(5))).isTrue();
        assertThat(oauth().findUserByEmail("alice@example.com").orElseThrow())
                .extracting(User::passwordHash, User::passwordChangedAt).containsExactly("pbkdf2_sha256$1$e$f", at(5));
        assertThat(oauth().updatePassword("usr_missing", "x", at(5))).isFalse();
    }

    @Test
    default void grantsAreRevokedOnce() {
        Grant grant = grant("grt_1", A);

        assertThat(oauth().findGrant("grt_1")).contains(grant);
        assertThat(oauth().revokeGrant("grt_1", at(20))).isTrue();
        assertThat(oauth().revokeGrant("grt_1", at(21))).isFalse();
        assertThat(oauth().findGrant("grt_1").orElseThrow().revokedAt()).isEqualTo(at(20));
        assertThat(oauth().findGrant("grt_missing")).isEmpty();
    }

    @Test
    default void codesAreUsedExactlyOnce() {
        grant("grt_1", A);
        Code code = new Code("hash-code", "grt_1", "cli_1", "http://127.0.0.1:5/cb", "challenge", at(10), at(70), null);
        oauth().insertCode(code);

        assertThat(oauth().findCode("hash-code")).contains(code);
        assertThat(oauth().markCodeUsed("hash-code", at(11))).isTrue();
        assertThat(oauth().markCodeUsed("hash-code", at(12))).isFalse();
        assertThat(oauth().findCode("hash-code").orElseThrow().usedAt()).isEqualTo(at(11));
        assertThat(oauth().markCodeUsed("hash-missing", at(12))).isFalse();
    }

    @Test
    default void tokensAreUsedOnceAndExpiredOnesArePurged() {
        grant("grt_1", A);
        Token access = new Token("hash-a", "grt_1", TokenKind.ACCESS, at(10), at(100), null);
        Token refresh = new Token("hash-r", "grt_1", TokenKind.REFRESH, at(10), at(1000), null);
        oauth().insertToken(access);
        oauth().insertToken(refresh);
        oauth().insertCode(new Code("hash-c", "grt_1", "cli_1", "https://x.example/cb", "c", at(10), at(70), null));

        assertThat(oauth().findToken("hash-a")).contains(access);
        assertThat(oauth().markTokenUsed("hash-r", at(50))).isTrue();
        assertThat(oauth().markTokenUsed("hash-r", at(51))).isFalse();
        assertThat(oauth().findToken("hash-r").orElseThrow().usedAt()).isEqualTo(at(50));

        assertThat(oauth().purgeExpired(at(500))).isEqualTo(2);
        assertThat(oauth().findToken("hash-a")).isEmpty();
        assertThat(oauth().findCode("hash-c")).isEmpty();
        assertThat(oauth().findToken("hash-r")).isPresent();
    }
}
