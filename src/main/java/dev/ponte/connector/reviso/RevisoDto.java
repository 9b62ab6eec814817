package dev.ponte.connector.reviso;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reviso's JSON as Ponte reads and writes it (shared/vendor-apis/README.md, specs/reviso/). Responses ignore unknown
 * properties because the app's Jackson fails on them and the vendor adds fields freely; requests leave out nulls.
 */
final class RevisoDto {

    private RevisoDto() {
    }

    /** The collection envelope (specs/reviso/collection-envelope.shape.json). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> collection, Pagination pagination) {

        List<T> items() {
            return collection == null ? List.of() : collection;
        }

        boolean hasNext() {
            return pagination != null && pagination.nextPage() != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pagination(Integer skipPages, Integer pageSize, Integer results, String nextPage) {
    }

    // --- the agreement ---

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Self(Company company, Settings settings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Company(String name, String country, CountryCode countryCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settings(String baseCurrency) {
    }

    // --- customers ---

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CountryCode(String code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Province(CountryCode countryCode, Integer provinceNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerGroupRef(Integer customerGroupNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentTermsRef(Integer paymentTermsNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentTypeRef(Integer paymentTypeNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VatZoneRef(Integer vatZoneNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceGroupRef(Integer priceGroupNumber) {
    }

    /** A customer as read (customer.get.example.community.json); writes go out as the stored JSON overlaid. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(Integer customerNumber, String name, String currency, CustomerGroupRef customerGroup,
            PaymentTermsRef paymentTerms, PaymentTypeRef paymentType, VatZoneRef vatZone, PriceGroupRef priceGroup,
            String vatNumber, String corporateIdentificationNumber, String email, String telephoneAndFaxNumber,
            String mobilePhone, String address, String city, String zip, CountryCode countryCode, Province province,
            String lastUpdated) {
    }

    // --- reference data ---

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VatZone(int vatZoneNumber, String name, Boolean enabledForCustomer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VatAccount(String vatCode, String name, BigDecimal ratePercentage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentTerms(int paymentTermsNumber, String name, Integer daysOfCredit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentType(int paymentTypeNumber, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerGroup(int customerGroupNumber, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceGroup(int priceGroupNumber, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Currency(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(int unitNumber, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProvinceEntry(String code, int provinceNumber, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductGroup(int productGroupNumber, String name) {
    }

    // --- products ---

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitRef(Integer unitNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String productNumber, String name, BigDecimal salesPrice, UnitRef unit) {
    }

    record ProductGroupRef(int productGroupNumber) {
    }

    /** A printed document's layout ({@code /layouts}, research-notes §3). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Layout(int layoutNumber, String name) {
    }

    record LayoutRef(int layoutNumber) {
    }

    /** The official sample's body (specs/reviso/create-product.request.json). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewProduct(String productNumber, String name, BigDecimal salesPrice, ProductGroupRef productGroup) {
    }

    // --- quotations ---

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quotation(Integer id, Integer number) {
    }

    record CustomerRef(int customerNumber) {
    }

    record Recipient(String name, VatZoneRef vatZone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notes(String heading, String textLine1) {
    }

    record References(String other) {
    }

    record ProductRef(String productNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuotationLine(int lineNumber, String description, BigDecimal quantity, BigDecimal unitNetPrice,
            BigDecimal discountPercentage, ProductRef product) {
    }

    /** The community body (specs/reviso/quotation-or-order.request.community.json) plus {@code references}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewQuotation(String date, String currency, PaymentTermsRef paymentTerms, CustomerRef customer,
            Recipient recipient, LayoutRef layout, Notes notes, References references, List<QuotationLine> lines) {
    }
}
