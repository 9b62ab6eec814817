package dev.ponte.connector.crmincloud;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * CRM in Cloud's JSON as far as Ponte reads and writes it. Names from the public {@code CompanyDTO} page are
 * verified; the rest are guesses (package-info lists which). Every answer ignores unknown properties: the real
 * DTOs carry many more, while the application's ObjectMapper rejects unknown ones.
 */
final class CrmInCloudDto {

    private CrmInCloudDto() {
    }

    record Login(String apiKey) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(long id, String companyName, String code, String address, String city, String province,
            String zipCode, String country, String vatId, String taxIdentificationNumber, String emails, String phone,
            String mobilePhone, List<FreeFieldValue> freeFields, Instant lastModifiedDate) {
    }

    /** A company as Ponte writes it; absent contact data is cleared, an absent {@code code} kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompanyWrite(String companyName, String address, String city, String province, String zipCode,
            String country, String vatId, String taxIdentificationNumber, String emails, String phone,
            String mobilePhone, List<FreeFieldValue> freeFields) {
    }

    /** A field value; written by {@code label}, read with both. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FreeFieldValue(Long fieldId, String label, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FieldDefinition(long id, String label, String type, List<Option> options) {
    }

    record NewField(String label, String type, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Option(String value, String label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Article(Long id, String code, String description, BigDecimal price, String unitOfMeasure, String type) {
    }

    /** A reference-table row: VAT rates carry {@code rate}, payment terms {@code days}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TableRow(Long id, String code, String description, BigDecimal rate, Integer days) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(long id, String code, String subject, Long companyId, LocalDate date, String currency,
            List<QuoteRow> rows, String notes, List<ExternalReference> externalReferences) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuoteRow(String articleCode, String description, BigDecimal quantity, BigDecimal price,
            BigDecimal discount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExternalReference(String system, String externalId) {
    }
}
