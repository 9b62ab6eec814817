package dev.ponte.sandbox.crmincloud;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * CRM in Cloud records as the emulator stores and answers them. Property names that appear on the public
 * {@code CompanyDTO} page (id, companyName, address, city, code, emails, createdDate, lastModifiedDate) follow it;
 * the others are guesses, listed in {@code connector/crmincloud/package-info.java}.
 */
final class CrmInCloudModel {

    private CrmInCloudModel() {
    }

    /** A company ("Azienda"). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Company(long id, String companyName, String code, String address, String city, String province,
            String zipCode, String country, String vatId, String taxIdentificationNumber, String emails, String phone,
            String mobilePhone, List<FreeFieldValue> freeFields, Instant createdDate, Instant lastModifiedDate) {

        /** A property by lower-case name, for {@code $filter}. */
        Object property(String name) {
            return switch (name) {
                case "id" -> id;
                case "companyname" -> companyName;
                case "code" -> code;
                case "city" -> city;
                case "province" -> province;
                case "zipcode" -> zipCode;
                case "country" -> country;
                case "vatid" -> vatId;
                case "taxidentificationnumber" -> taxIdentificationNumber;
                case "emails" -> emails;
                case "createddate" -> createdDate;
                case "lastmodifieddate" -> lastModifiedDate;
                default -> throw new IllegalArgumentException("unknown property '" + name + "'");
            };
        }

        CrmInCloud.Key key() {
            return new CrmInCloud.Key(lastModifiedDate, id);
        }
    }

    /** A company's value of one additional field: the option value for a selection field. */
    record FreeFieldValue(long fieldId, String label, String value) {
    }

    /** An additional field of companies ("campo aggiuntivo"); {@code type} {@code Select} has options. */
    record FieldDefinition(long id, String label, String entity, String type, List<Option> options) {

        boolean named(String name) {
            return label.strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** One option of a selection field: the value stored and the label shown. */
    record Option(String value, String label) {
    }

    /** A catalogue article; {@code code} is unique. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Article(long id, String code, String description, BigDecimal price, String unitOfMeasure, String type,
            Instant lastModifiedDate) {

        Object property(String name) {
            return switch (name) {
                case "id" -> id;
                case "code" -> code;
                case "description" -> description;
                case "lastmodifieddate" -> lastModifiedDate;
                default -> throw new IllegalArgumentException("unknown property '" + name + "'");
            };
        }
    }

    /**
     * A row of a sales reference table: VAT rates carry {@code rate}, payment terms {@code days}; payment modes and
     * units only code and description.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TableRow(long id, String code, String description, BigDecimal rate, Integer days) {
    }

    /** A quote ("Preventivo") linked to a company, with its rows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Quote(long id, String code, String subject, Long companyId, LocalDate date, String currency,
            List<QuoteRow> rows, String notes, List<ExternalReference> externalReferences, Instant lastModifiedDate) {

        /** How the quote list shows it: quotes synced with Contabilità in Cloud end in "(CiC)" (seed, R36). */
        @JsonProperty("listLabel")
        String listLabel() {
            String label = code + " " + (subject == null ? "" : subject);
            return externalReferences.stream().anyMatch(r -> CrmInCloud.CIC.equals(r.system()))
                    ? label.strip() + " (CiC)" : label.strip();
        }
    }

    /** One row; {@code discount} is a percentage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuoteRow(String articleCode, String description, BigDecimal quantity, BigDecimal price,
            BigDecimal discount) {
    }

    /** A link from a CRM record to the same record in another system. */
    record ExternalReference(String system, String externalId) {
    }
}
