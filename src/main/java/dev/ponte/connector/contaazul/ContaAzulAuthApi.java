package dev.ponte.connector.contaazul;

import dev.ponte.connector.contaazul.ContaAzulDto.TokenResponse;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Conta Azul's OAuth2 token endpoint (auth.contaazul.com/oauth2/token, docs "auth" and "renewingaccesstoken"). */
@Path("/oauth2")
interface ContaAzulAuthApi {

    /** {@code basic} is {@code Basic base64(client_id:client_secret)}; the form carries the grant. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TokenResponse token(@HeaderParam(HttpHeaders.AUTHORIZATION) String basic, MultivaluedMap<String, String> form);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return ContaAzulFailures.fromOAuth(response);
    }
}
