package dev.ponte.connector.contaazul;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** R11: who consented, read from the {@code id_token} Conta Azul's token endpoint answers. */
class ContaAzulConsentingUserTest {

    @Test
    void r11_readsTheNameClaim() {
        assertThat(ContaAzulOAuth.consentingUser(jwt("{\"sub\":\"u-1\",\"name\":\" Ana Souza \"}")))
                .isEqualTo("Ana Souza");
    }

    @Test
    void r11_fallsBackOnGivenAndFamilyNames() {
        assertThat(ContaAzulOAuth.consentingUser(jwt("{\"given_name\":\"Bruno\",\"family_name\":\"Lima\"}")))
                .isEqualTo("Bruno Lima");
    }

    @Test
    void noTokenOrNoNameOrAnUnreadableTokenNamesNobody() {
        assertThat(ContaAzulOAuth.consentingUser(null)).isNull();
        assertThat(ContaAzulOAuth.consentingUser(jwt("{\"sub\":\"u-1\",\"email\":\"a@b.example\"}"))).isNull();
        assertThat(ContaAzulOAuth.consentingUser("opaque-token")).isNull();
        assertThat(ContaAzulOAuth.consentingUser("a.%%%.c")).isNull();
        assertThat(ContaAzulOAuth.consentingUser(jwt("not json"))).isNull();
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
