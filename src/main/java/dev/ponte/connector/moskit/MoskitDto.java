package dev.ponte.connector.moskit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Moskit API v2 records as community clients read them (wave2-contracts §1); none is in a vendor reference. Money is
 * in centavos. Unknown members are ignored, since the shapes are not documented.
 */
final class MoskitDto {

    private MoskitDto() {
    }

    /** A reference to another record: {@code {id}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(Long id) {
    }

    /** {@code GET /deals/{id}}: parties are arrays of refs, products are embedded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deal(Long id, String name, BigDecimal price, String status, Ref stage, Ref responsible, String dateCreated,
            String closeDate, List<Ref> contacts, List<Ref> companies, List<FieldValue> entityCustomFields,
            List<DealProduct> dealProducts) {
    }

    /** {@code price} is the unit price and {@code finalPrice} quantity × price, both in centavos. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DealProduct(BigDecimal quantity, BigDecimal price, BigDecimal finalPrice, Ref product) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(Long id, String name, String code, String description, Boolean active, BigDecimal price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Phone(Long id, String number) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Email(Long id, String address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(Long id, String name, List<Phone> phones, Ref primaryPhone, List<Email> emails, Ref primaryEmail,
            List<FieldValue> entityCustomFields) {
    }

    /** Companies have a built-in {@code cnpj}, often empty in practice (teams keep it in a custom field). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(Long id, String name, String cnpj, List<Phone> phones, Ref primaryPhone, List<Email> emails,
            Ref primaryEmail, List<FieldValue> entityCustomFields) {
    }

    /**
     * A custom field's value: REST says {@code numericValue}, webhook payloads {@code numberValue}; {@code options}
     * holds the ids of the chosen options.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FieldValue(String id, String textValue, BigDecimal numericValue, BigDecimal numberValue, String dateValue,
            List<JsonNode> options) {
    }

    /** {@code GET /customFields}: {@code id} is {@code CF_} and 16 characters; types TEXT, NUMBER, *_OPTION. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomField(String id, String name, String module, String type, Boolean active) {
    }

    /** {@code GET /stages}: a deal knows only its stage; the stage knows its pipeline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stage(Long id, String name, Ref pipeline) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(Long id, String name) {
    }

    /** A webhook delivery: {@code {metadata, before, after}}, the deals with single {@code contact}/{@code company}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebhookBody(Metadata metadata, WebhookDeal before, WebhookDeal after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String entity, String operation, String event, String hash) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WebhookDeal(Long id, String name, BigDecimal price, String status, Ref stage, String dateCreated,
            String closeDate, Ref contact, Ref company) {
    }
}
