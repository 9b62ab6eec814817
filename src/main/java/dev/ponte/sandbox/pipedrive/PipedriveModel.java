package dev.ponte.sandbox.pipedrive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Pipedrive records in the shapes of the examples in specs/pipedrive/openapi-v2.yaml (v1 for fields/webhooks). */
final class PipedriveModel {

    private PipedriveModel() {
    }

    /** {@code {success, data, additional_data}}; {@code additional_data} is omitted when there is none. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Envelope<T>(boolean success, T data,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Object additionalData) {
        static <T> Envelope<T> of(T data) {
            return new Envelope<>(true, data, null);
        }
    }

    /** v1 webhooks answer with an extra {@code status: "ok"} (openapi-v1.yaml /webhooks examples). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StatusEnvelope<T>(String status, boolean success, @JsonInclude(JsonInclude.Include.NON_NULL) T data) {
    }

    /** Deal, v2 (GET /deals/{id} example); custom field values live under {@code custom_fields}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deal(long id, String title, long creatorUserId, long ownerId, BigDecimal value, Long personId,
                Long orgId, long stageId, long pipelineId, String currency, Instant addTime, Instant updateTime,
                Instant stageChangeTime, String status, boolean isDeleted, Integer probability, String lostReason,
                int visibleTo, Instant closeTime, Instant wonTime, Instant lostTime, LocalDate expectedCloseDate,
                List<Long> labelIds, Map<String, Object> customFields) {
    }

    /** Deal product, v2 (GET /deals/{id}/products example). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DealProduct(long id, BigDecimal sum, BigDecimal tax, long dealId, String name, long productId,
                       Long productVariationId, int orderNr, Instant addTime, Instant updateTime, String comments,
                       String currency, BigDecimal discount, BigDecimal quantity, BigDecimal itemPrice,
                       String taxMethod, String discountType, boolean isEnabled, String billingFrequency,
                       Integer billingFrequencyCycles, LocalDate billingStartDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Contact(String value, boolean primary, String label) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Person(long id, String name, String firstName, String lastName, long ownerId, Long orgId,
                  Instant addTime, Instant updateTime, List<Contact> emails, List<Contact> phones, boolean isDeleted,
                  int visibleTo, List<Long> labelIds, Map<String, Object> customFields) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(long id, String name, long ownerId, Instant addTime, Instant updateTime, JsonNode address,
                        boolean isDeleted, int visibleTo, List<Long> labelIds, Map<String, Object> customFields) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Price(long productId, BigDecimal price, String currency, BigDecimal cost, BigDecimal directCost,
                 String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Product(long id, String name, String code, String description, String unit, BigDecimal tax,
                   String category, boolean isLinkable, boolean isDeleted, int visibleTo, long ownerId,
                   Instant addTime, Instant updateTime, List<Price> prices, Map<String, Object> customFields) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Option(long id, String label) {
    }

    /** Deal field, v1 (GET /v1/dealFields example): {@code key} is the 40-char hash for custom fields. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DealField(long id, String key, String name, int orderNr, String fieldType, String addTime,
                     String updateTime, boolean activeFlag, boolean editFlag, boolean mandatoryFlag,
                     List<Option> options) {
    }

    /** Webhook, v1 (POST /v1/webhooks example); {@code is_active} is the spec's number-boolean. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Webhook(long id, long companyId, long ownerId, long userId, String eventAction, String eventObject,
                   String subscriptionUrl, String version, int isActive, Instant addTime, Instant removeTime,
                   String type, String httpAuthUser, String httpAuthPassword, String removeReason,
                   Instant lastDeliveryTime, Integer lastHttpStatus, long adminId, String name) {
    }

    /** One HTTP attempt to deliver a webhook, kept for {@code GET /sandbox/pipedrive/_state}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Delivery(long webhookId, String url, String action, long entityId, String correlationId, int attempt,
                    int status, Instant time) {
    }
}
