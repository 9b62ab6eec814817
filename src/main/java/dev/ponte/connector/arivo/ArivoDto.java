package dev.ponte.connector.arivo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/**
 * Arivo's JSON as far as Ponte reads it (wave2-contracts §3, the vendor's n8n node's interfaces and fixtures). Ids are
 * strings: the fixtures switch between strings and numbers, and Jackson reads either into a string. Quote items'
 * numbers come as strings ("100.00"), which Jackson reads into BigDecimal.
 */
final class ArivoDto {

    private ArivoDto() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deal(String id, String name, BigDecimal value, String status, String companyId, String contactId,
            String closedAt, String updatedAt, String pipelineId, String userId, List<QuoteItem> quoteItems,
            JsonNode customFields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record QuoteItem(String id, String name, String productId, BigDecimal price, BigDecimal quantity,
            BigDecimal discount, BigDecimal totalPrice) {
    }

    /** A product: {@code code} is the one code field the API has (see package-info on R8). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Product(String id, String name, String code, BigDecimal price, List<String> tags) {
    }

    /** A person or a company ({@code contact_type}); {@code cpf} and {@code cnpj} are formatted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Contact(String id, String contactType, String name, String cpf, String cnpj, List<Email> emails,
            List<Phone> phones, List<PostalAddress> addresses) {
    }

    /** The GET fixture says {@code email_type}, the request {@code type}: both are read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Email(String address, String type, String emailType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Phone(String number, String type, String phoneType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PostalAddress(String street, String city, String state, String district, String zip) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Webhook(String id, String callbackUrl, String event) {
    }

    /** {@code POST /webhooks}: the only two fields the vendor's node sends. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewWebhook(String callbackUrl, String event) {
    }
}
