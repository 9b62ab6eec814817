package dev.ponte.sandbox.arivo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Persons and companies ({@code /contacts}, {@code contact_type} person | company; CPF and CNPJ as given). */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/arivo/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArivoContactsResource {

    private static final Set<String> FIELDS = Set.of("name", "cpf", "cnpj", "birth_date", "position", "company_id",
            "main_contact_id", "website", "emails", "phones", "addresses", "tags", "custom_fields");

    private final Arivo state;

    public ArivoContactsResource(Arivo state) {
        this.state = state;
    }

    /** Filters as the vendor's node sends them; documents compared as given (whether Arivo ignores format is unknown). */
    @GET
    public List<ObjectNode> list(@QueryParam("contact_type") String type, @QueryParam("cpf") String cpf,
            @QueryParam("cnpj") String cnpj) {
        return state.contacts.values().stream()
                .filter(c -> type == null || type.equals(c.path("contact_type").asText()))
                .filter(c -> cpf == null || cpf.equals(c.path("cpf").asText()))
                .filter(c -> cnpj == null || cnpj.equals(c.path("cnpj").asText()))
                .map(ObjectNode::deepCopy).toList();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode contact = state.contacts.get(id);
        if (contact == null) {
            throw state.failure(404, "Contact not found");
        }
        return contact.deepCopy();
    }

    @POST
    public Response create(ObjectNode body) {
        String type = body.path("contact_type").asText("person");
        if (!Set.of("person", "company").contains(type)) {
            throw state.invalid("contact_type", "is not included in the list");
        }
        if (body.path("name").asText("").isBlank()) {
            throw state.invalid("name", "can't be blank");
        }
        ObjectNode contact = state.record("contact");
        contact.put("contact_type", type);
        body.fields().forEachRemaining(e -> {
            if (FIELDS.contains(e.getKey())) {
                contact.set(e.getKey(), e.getValue());
            }
        });
        state.contacts.put(contact.path("id").asText(), contact);
        return Response.status(201).entity(contact.deepCopy()).build();
    }
}
