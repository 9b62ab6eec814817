package dev.ponte.connector.pipedrive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Pipedrive's JSON, as far as Ponte reads it (specs/pipedrive/openapi-v2.yaml for entities, openapi-v1.yaml for
 * users, fields and webhooks). Every record ignores unknown properties: Pipedrive adds fields freely, while the
 * application's ObjectMapper rejects unknown ones. Timestamps stay strings because v1 and v2 write them differently.
 */
final class PipedriveDto {

    private PipedriveDto() {
    }

    /** {@code {success, data, additional_data}}; v1 webhooks add a {@code status} that is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Envelope<T>(boolean success, T data, AdditionalData additionalData) {
    }

    /** v2 pages by {@code next_cursor}; v1 by {@code pagination}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AdditionalData(String nextCursor, Pagination pagination) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Pagination(Integer start, Integer limit, Boolean moreItemsInCollection, Integer nextStart) {
    }

    /** {@code GET /v1/users/me}: admin rights are in {@code access[].admin}; some answers also carry {@code is_admin}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(long id, String name, Boolean isAdmin, List<Access> access) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Access(String app, boolean admin) {
    }

    /** A v2 deal, also the {@code data} of a v2 webhook; custom values are keyed by 40-char hash. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deal(long id, String title, BigDecimal value, String currency, String status, String wonTime,
            String updateTime, Long pipelineId, Long personId, Long orgId, Long ownerId,
            Map<String, JsonNode> customFields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /** {@code is_enabled} false: the product stays on the deal but is not sold ("Whether this product is enabled"). */
    record DealProduct(long id, long productId, String name, BigDecimal itemPrice, BigDecimal quantity,
            BigDecimal discount, String discountType, String currency, Boolean isEnabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Contact(String value, boolean primary, String label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Person(long id, String name, List<Contact> emails, List<Contact> phones,
            Map<String, JsonNode> customFields) {
    }

    /** {@code address} is v2's object ({@code route}, {@code street_number}, {@code locality}, …). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(long id, String name, JsonNode address, Map<String, JsonNode> customFields) {
    }

    /** {@code category} is an option id in v2 and a label in v1, hence a node. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Product(long id, String name, String code, String description, String unit, JsonNode category,
            List<Price> prices, Map<String, JsonNode> customFields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Price(BigDecimal price, String currency) {
    }

    /** {@code GET /v1/dealFields}: {@code key} is the hash of a custom field, {@code name} its label. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DealField(long id, String key, String name, String fieldType, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Option(Long id, String label) {
    }

    /** {@code POST /v1/dealFields}; {@code options} only for enum and set fields. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewDealField(String name, String fieldType, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Webhook(long id, String subscriptionUrl, String eventAction, String eventObject) {
    }

    /** {@code POST /v1/webhooks}: subscription_url, event_action, event_object and name are required. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewWebhook(String subscriptionUrl, String eventAction, String eventObject, String name,
            String httpAuthUser, String httpAuthPassword, String version) {
    }

    /** A v2 webhook body: {@code meta}, the entity after the change ({@code data}) and the changed fields before it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WebhookBody(WebhookMeta meta, JsonNode data, JsonNode previous) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WebhookMeta(String action, String entity, String entityId, String id, String correlationId,
            String timestamp) {
    }
}
