package io.enori.mcp.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClientMetadataDocumentsTest {

    @Test
    void internalAddressesAreNotPublic() {
        for (String host : new String[] {"127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]", "224.0.0.1"}) {
            assertThat(ClientMetadataDocuments.isPublic(host)).as(host).isFalse();
        }
        assertThat(ClientMetadataDocuments.isPublic("93.184.215.14")).isTrue();
        assertThat(ClientMetadataDocuments.isPublic("[2606:4700::1111]")).isTrue();
        assertThat(ClientMetadataDocuments.isPublic("no-such-host.invalid")).isFalse();
    }

    @Test
    void aClientIdOnAnInternalHostIsRefusedBeforeAnythingIsFetched() {
        ClientMetadataDocuments documents = new ClientMetadataDocuments(Clock.systemUTC(), false);
        assertThatThrownBy(() -> documents.fetch("https://169.254.169.254/latest/meta-data/client.json"))
                .isInstanceOf(OAuthError.class).hasMessageContaining("public address");
        assertThatThrownBy(() -> documents.fetch("https://10.0.0.7/client.json"))
                .isInstanceOf(OAuthError.class).hasMessageContaining("public address");
    }
}
