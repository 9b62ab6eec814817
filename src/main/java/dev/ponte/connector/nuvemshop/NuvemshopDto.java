package dev.ponte.connector.nuvemshop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Nuvemshop's JSON as Ponte reads it (wave2-contracts §2). Amounts and quantities are decimal strings. */
final class NuvemshopDto {

    private NuvemshopDto() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String id, String number, String currency, @JsonProperty("payment_status") String paymentStatus,
            @JsonProperty("paid_at") String paidAt, @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("shipping_cost_customer") String shippingCostCustomer, String total,
            @JsonProperty("billing_name") String billingName, @JsonProperty("billing_phone") String billingPhone,
            @JsonProperty("contact_email") String contactEmail, Customer customer, List<Product> products) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(String id, String name, String email, String identification, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Product(String id, @JsonProperty("product_id") String productId, String name, String price,
            String quantity, String sku) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(String id, String event, String url) {
    }

    record NewWebhook(String event, String url) {
    }

    record TokenRequest(@JsonProperty("client_id") String clientId, @JsonProperty("client_secret") String clientSecret,
            @JsonProperty("grant_type") String grantType, String code) {
    }

    /** {@code user_id} is the store id; some answers name it {@code store_id}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
            String scope, @JsonProperty("user_id") String userId, @JsonProperty("store_id") String storeId) {
    }
}
