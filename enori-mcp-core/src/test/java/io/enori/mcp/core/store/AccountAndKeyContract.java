package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Accounts and API keys. */
interface AccountAndKeyContract extends ContractSupport {

    @Test
    default void insertedAccountIsFoundByIdAndByNameWithItsPlan() {
        Account account = new Account("acc_C", "Gamma", new Plan("enterprise", 500, 50, 100, 10), at(60));
        storage().accounts().insert(account);

        assertThat(storage().accounts().find("acc_C")).contains(account);
        assertThat(storage().accounts().findByName("Gamma")).contains(account);
    }

    @Test
    default void unknownAccountIsEmpty() {
        assertThat(storage().accounts().find("acc_missing")).isEmpty();
        assertThat(storage().accounts().findByName("Missing")).isEmpty();
    }

    @Test
    default void accountsAreListedOldestFirst() {
        storage().accounts().insert(Fixtures.account("acc_0", "Zero", T0.minusSeconds(3600)));

        assertThat(storage().accounts().list()).extracting(Account::id).containsExactly("acc_0", A, B);
    }

    @Test
    default void accountNamesAreUnique() {
        assertThatThrownBy(() -> storage().accounts().insert(Fixtures.account("acc_C", "Alpha", T0)))
                .isInstanceOf(EnoriMcpException.class)
                .hasMessageContaining("acc_C");
        assertThat(storage().accounts().find("acc_C")).isEmpty();
    }

    @Test
    default void apiKeyRoundTripsWithEveryScopeAndInstant() {
        ApiKey key = new ApiKey("key_1", A, "ci", "enk_ab12", "hash-1", EnumSet.allOf(Scope.class), T0,
                at(90).plusNanos(1_000));
        storage().apiKeys().insert(key);

        assertThat(storage().apiKeys().findBySecretHash("hash-1")).contains(key);
        assertThat(storage().apiKeys().findBySecretHash("hash-unknown")).isEmpty();
    }

    @Test
    default void apiKeyWithoutNameOrPrefixRoundTrips() {
        ApiKey key = new ApiKey("key_1", A, null, null, "hash-1", EnumSet.of(Scope.ALERTS_READ), T0, null);
        storage().apiKeys().insert(key);

        assertThat(storage().apiKeys().findBySecretHash("hash-1")).contains(key);
    }

    @Test
    default void findBySecretHashReturnsRevokedKeysForTheCallerToReject() {
        storage().apiKeys().insert(Fixtures.key("key_1", A, "hash-1", T0));
        storage().apiKeys().revoke("key_1", at(10));

        assertThat(storage().apiKeys().findBySecretHash("hash-1"))
                .hasValueSatisfying(key -> assertThat(key.revokedAt()).isEqualTo(at(10)));
    }

    @Test
    default void keysAreListedPerAccountOrForAllAccountsOldestFirst() {
        storage().apiKeys().insert(Fixtures.key("key_3", A, "hash-3", at(30)));
        storage().apiKeys().insert(Fixtures.key("key_1", A, "hash-1", at(10)));
        storage().apiKeys().insert(Fixtures.key("key_2", B, "hash-2", at(20)));

        assertThat(storage().apiKeys().list(A)).extracting(ApiKey::id).containsExactly("key_1", "key_3");
        assertThat(storage().apiKeys().list(B)).extracting(ApiKey::id).containsExactly("key_2");
        assertThat(storage().apiKeys().list(null)).extracting(ApiKey::id).containsExactly("key_1", "key_2", "key_3");
        assertThat(storage().apiKeys().list("acc_missing")).isEmpty();
    }

    @Test
    default void revokingTwiceReturnsFalseTheSecondTimeAndKeepsTheFirstInstant() {
        storage().apiKeys().insert(Fixtures.key("key_1", A, "hash-1", T0));

        assertThat(storage().apiKeys().revoke("key_1", at(10))).isTrue();
        assertThat(storage().apiKeys().revoke("key_1", at(20))).isFalse();
        assertThat(storage().apiKeys().findBySecretHash("hash-1").orElseThrow().revokedAt()).isEqualTo(at(10));
        assertThat(storage().apiKeys().revoke("key_missing", at(30))).isFalse();
    }

    @Test
    default void secretHashesAreUnique() {
        storage().apiKeys().insert(Fixtures.key("key_1", A, "hash-1", T0));

        assertThatThrownBy(() -> storage().apiKeys().insert(Fixtures.key("key_2", B, "hash-1", T0)))
                .isInstanceOf(EnoriMcpException.class);
        assertThat(storage().apiKeys().list(B)).isEmpty();
    }
}
