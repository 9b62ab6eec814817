package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.FieldDefinition;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Option;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Company additional fields ("campi aggiuntivi", which the Contabilità in Cloud plugin creates as selection fields,
 * seed): list, create ({@code type} {@code Select} or {@code Text}) and add options to a selection field. Paths
 * and shapes are guesses.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/FreeField/Company")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudFieldResource {

    private final CrmInCloud state;

    public CrmInCloudFieldResource(CrmInCloud state) {
        this.state = state;
    }

    @GET
    public List<FieldDefinition> list() {
        return state.fields.values().stream().sorted(Comparator.comparingLong(FieldDefinition::id)).toList();
    }

    @POST
    public FieldDefinition create(JsonNode body) {
        Map<String, List<String>> errors = Json.errors();
        String label = Json.required(body, "label", errors);
        String type = Json.text(body, "type") == null ? "Select" : Json.text(body, "type");
        if (!List.of("Select", "Text").contains(type)) {
            Json.error(errors, "type", "The type must be Select or Text.");
        }
        List<Option> options = options(body == null ? null : body.get("options"), "options", errors);
        synchronized (state) {
            if (label != null && state.fields.values().stream().anyMatch(f -> f.named(label))) {
                Json.error(errors, "label", "An additional field named '" + label + "' already exists.");
            }
            if (!errors.isEmpty()) {
                throw state.invalid(errors);
            }
            FieldDefinition field = new FieldDefinition(state.nextId(), label, "Company", type,
                    "Select".equals(type) ? options : List.of());
            state.fields.put(field.id(), field);
            return field;
        }
    }

    /** Adds the options whose value is new; existing options keep their labels. */
    @POST
    @Path("{id}/Options")
    public FieldDefinition addOptions(@PathParam("id") long id, JsonNode body) {
        Map<String, List<String>> errors = Json.errors();
        List<Option> given = options(body, "", errors);
        synchronized (state) {
            FieldDefinition field = state.fields.get(id);
            if (field == null) {
                throw state.failure(404, "No additional field with id " + id);
            }
            if (!"Select".equals(field.type())) {
                Json.error(errors, "", "'" + field.label() + "' is not a selection field.");
            }
            if (!errors.isEmpty()) {
                throw state.invalid(errors);
            }
            List<Option> options = new ArrayList<>(field.options());
            given.stream().filter(o -> options.stream().noneMatch(old -> old.value().equals(o.value())))
                    .forEach(options::add);
            FieldDefinition changed = new FieldDefinition(id, field.label(), field.entity(), field.type(),
                    List.copyOf(options));
            state.fields.put(id, changed);
            return changed;
        }
    }

    private static List<Option> options(JsonNode array, String at, Map<String, List<String>> errors) {
        List<Option> options = new ArrayList<>();
        if (array == null || array.isNull()) {
            return options;
        }
        if (!array.isArray()) {
            Json.error(errors, at, "An array of options is expected.");
            return options;
        }
        for (int i = 0; i < array.size(); i++) {
            String where = (at.isEmpty() ? "" : at) + "[" + i + "]";
            String value = Json.required(array.get(i), "value", errors);
            String label = Json.text(array.get(i), "label");
            if (value != null) {
                options.add(new Option(value, label == null ? value : label));
            } else {
                errors.put(where + ".value", errors.remove("value"));
            }
        }
        return options;
    }
}
