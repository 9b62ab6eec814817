package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.sandbox.crmincloud.CrmInCloudModel.Article;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Catalogue articles (the Catalogo plugin): search with {@code $filter}/{@code $top}/{@code $skip} in id order,
 * get, create, replace. {@code code} is unique (article codes join quote rows to the ledger's products, seed).
 * The controller name and shapes are guesses.
 */
@IfBuildProperty(name = "ponte.sandbox.included", stringValue = "true")
@Path("/sandbox/crmincloud/api/v1/CatalogArticle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmInCloudCatalogResource {

    private final CrmInCloud state;

    public CrmInCloudCatalogResource(CrmInCloud state) {
        this.state = state;
    }

    @GET
    @Path("Search")
    public List<Article> search(@QueryParam("$filter") String filter, @QueryParam("$top") Integer top,
            @QueryParam("$skip") Integer skip) {
        try {
            ODataFilter.Expr expr = ODataFilter.parse(filter);
            return state.articles.values().stream().filter(a -> expr == null || expr.test(a::property))
                    .skip(skip == null ? 0 : Math.max(0, skip))
                    .limit(Json.page(top, 50, CrmInCloudCompanyResource.MAX_TOP)).toList();
        } catch (IllegalArgumentException e) {
            throw state.failure(400, "Invalid $filter: " + e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public Article get(@PathParam("id") long id) {
        Article article = state.articles.get(id);
        if (article == null) {
            throw state.failure(404, "No article with id " + id);
        }
        return article;
    }

    @POST
    public Article create(JsonNode body) {
        synchronized (state) {
            return save(body, state::nextId);
        }
    }

    @PUT
    @Path("{id}")
    public Article update(@PathParam("id") long id, JsonNode body) {
        synchronized (state) {
            get(id);
            return save(body, () -> id);
        }
    }

    private Article save(JsonNode body, LongSupplier id) {
        Map<String, List<String>> errors = Json.errors();
        String code = Json.required(body, "code", errors);
        String description = Json.required(body, "description", errors);
        var price = Json.decimal(body, "price", errors);
        String type = Json.text(body, "type") == null ? "Product" : Json.text(body, "type");
        if (!List.of("Product", "Service").contains(type)) {
            Json.error(errors, "type", "The type must be Product or Service.");
        }
        if (!errors.isEmpty()) {
            throw state.invalid(errors);
        }
        long articleId = id.getAsLong();
        if (state.articles.values().stream().anyMatch(a -> a.code().equals(code) && a.id() != articleId)) {
            throw state.invalid(Map.of("code", List.of("An article with code '" + code + "' already exists.")));
        }
        Article article = new Article(articleId, code, description, price, Json.text(body, "unitOfMeasure"), type,
                state.now());
        state.articles.put(articleId, article);
        return article;
    }
}
