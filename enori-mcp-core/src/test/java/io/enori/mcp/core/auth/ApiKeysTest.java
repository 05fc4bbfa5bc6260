package io.enori.mcp.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.Ids;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final JdbiStorage storage = JdbiStorage.create("jdbc:h2:mem:keys" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final ApiKeys keys = new ApiKeys(storage, Clock.systemUTC(), new Ids(Clock.systemUTC()), Plan.DEFAULT);

    @Test
    void storesOnlyTheHashAndAuthenticatesThePlaintext() {
        ApiKeys.IssuedKey issued = keys.create("acme", EnumSet.of(Scope.MONITORS_READ), "ci");
        assertThat(issued.plaintext()).startsWith("enr_").hasSize(44);
        assertThat(issued.key().secretHash()).isEqualTo(ApiKeys.hash(issued.plaintext())).doesNotContain(issued.plaintext());
        assertThat(storage.apiKeys().list(null)).allSatisfy(k -> assertThat(k.secretHash()).isNotEqualTo(issued.plaintext()));
        Caller caller = keys.authenticate(issued.plaintext());
        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(caller.accountId()).isEqualTo(issued.account().id());
        assertThat(caller.scopes()).containsExactly(Scope.MONITORS_READ);
    }

    @Test
    void reusesTheAccountByName() {
        ApiKeys.IssuedKey first = keys.create("acme", Set.of(Scope.MONITORS_READ), "");
        ApiKeys.IssuedKey second = keys.create("acme", Set.of(Scope.MONITORS_WRITE), "");
        assertThat(second.account().id()).isEqualTo(first.account().id());
        assertThat(keys.create("other", Set.of(Scope.MONITORS_READ), "").account().id()).isNotEqualTo(first.account().id());
    }

    @Test
    void missingUnknownAndRevokedKeysSayWhy() {
        assertThat(keys.authenticate(null).authProblem()).contains("no API key was given");
        assertThat(keys.authenticate("enr_nope").authProblem()).isEqualTo("the API key is not valid");
        ApiKeys.IssuedKey issued = keys.create("acme", Set.of(Scope.MONITORS_READ), "");
        assertThat(keys.revoke(issued.key().id())).isTrue();
        assertThat(keys.revoke(issued.key().id())).isFalse();
        Caller revoked = keys.authenticate(issued.plaintext());
        assertThat(revoked.isAuthenticated()).isFalse();
        assertThat(revoked.authProblem()).contains("was revoked");
    }
}
