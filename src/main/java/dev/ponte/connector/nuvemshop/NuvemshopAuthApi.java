package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.nuvemshop.NuvemshopDto.TokenRequest;
import dev.ponte.connector.nuvemshop.NuvemshopDto.TokenResponse;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;

/** The app install's code exchange, {@code POST /apps/authorize/token} with a JSON body. */
@Path("/apps/authorize/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes("application/json; charset=utf-8")
interface NuvemshopAuthApi extends Closeable {

    @POST
    TokenResponse token(TokenRequest request);

    /** A refused code or client is a 400 {@code {error}}: the install must be done again. */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return NuvemshopFailures.ERRORS.toFailure(response);
    }
}
