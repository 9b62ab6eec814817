package dev.ponte.connector.nuvemshop;

import dev.ponte.connector.nuvemshop.NuvemshopDto.Customer;
import dev.ponte.connector.nuvemshop.NuvemshopDto.Product;
import dev.ponte.model.Item;
import dev.ponte.model.ItemKind;
import dev.ponte.model.Money;
import dev.ponte.model.Order;
import dev.ponte.model.Order.OrderPayment;
import dev.ponte.model.OrderLine;
import dev.ponte.model.Party;
import dev.ponte.model.PartyKind;
import dev.ponte.model.TaxId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Nuvemshop order in Ponte's model. Amounts and quantities come as decimal strings and are parsed as such, exactly
 * ({@link BigDecimal}, never a double). The guesses of the mapping are here and nowhere else: see package-info.
 */
final class NuvemshopMapping {

    static final String ORIGIN = "Nuvemshop";
    /** "2022-02-23T12:25:18+0000", the offset without a colon [V order.md]; ISO with a colon is read too. */
    private static final DateTimeFormatter VENDOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    private NuvemshopMapping() {
    }

    static Order order(NuvemshopDto.Order o) {
        String currency = o.currency() == null || o.currency().isBlank() ? "BRL" : o.currency().strip();
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (Product p : o.products() == null ? List.<Product>of() : o.products()) {
            Money price = Money.of(decimal(p.price(), "products.price"), currency);
            // R8's shop rule matches by description only; the SKU is kept as the item's code for the record.
            Item item = new Item(ItemKind.PRODUCT, blankToNull(p.sku()), p.name(), price, null);
            BigDecimal quantity = decimal(p.quantity(), "products.quantity");
            lines.add(new OrderLine(item, quantity, price));
            gross = gross.add(price.amount().multiply(quantity));
        }
        BigDecimal freight = o.shippingCostCustomer() == null || o.shippingCostCustomer().isBlank() ? BigDecimal.ZERO
                : decimal(o.shippingCostCustomer(), "shipping_cost_customer");
        return new Order(o.id(), o.number(), payment(o.paymentStatus()), time(o.paidAt()), time(o.updatedAt()),
                customer(o), document(o), lines, Money.of(freight, currency),
                Money.of(discount(o, gross.add(freight)), currency));
    }

    /**
     * What the shop took off the whole order, whatever it was (a coupon, a promotion, the payment method's discount:
     * {@code discount}, {@code discount_coupon}, {@code discount_gateway}, whose overlap the docs do not say): the
     * products and freight less the {@code total} the buyer paid. Zero without a total, or when the total is not
     * below them.
     */
    private static BigDecimal discount(NuvemshopDto.Order o, BigDecimal productsAndFreight) {
        if (o.total() == null || o.total().isBlank()) {
            return BigDecimal.ZERO;
        }
        BigDecimal off = productsAndFreight.subtract(decimal(o.total(), "total"));
        return off.signum() > 0 ? off : BigDecimal.ZERO;
    }

    /**
     * R6: name (the customer's, else the billing name), e-mail, CPF/CNPJ from {@code identification} when valid (PF
     * or PJ by its kind), the mobile phone from {@code customer.phone} and the business phone from
     * {@code billing_phone} when it is another number. Null when the order has no name to give a customer.
     */
    static Party customer(NuvemshopDto.Order o) {
        Customer c = o.customer();
        String name = c != null && c.name() != null && !c.name().isBlank() ? c.name() : o.billingName();
        if (name == null || name.isBlank()) {
            return null;
        }
        Optional<TaxId> taxId = c == null || c.identification() == null ? Optional.empty()
                : TaxId.tryParseBrazilian(c.identification());
        PartyKind kind = taxId.map(TaxId::personType).orElse(PartyKind.PERSON);
        String mobile = c == null ? null : blankToNull(c.phone());
        String business = blankToNull(o.billingPhone());
        if (business != null && business.equals(mobile)) {
            business = null;
        }
        String email = c != null && c.email() != null ? c.email() : o.contactEmail();
        return new Party(kind, name.strip(), taxId.orElse(null), email, business, mobile, "BR", ORIGIN, null,
                c == null ? null : c.id());
    }

    /** The customer's document exactly as the shop sent it (for the flow to say why an invalid one is not sent). */
    static String document(NuvemshopDto.Order o) {
        return o.customer() == null ? null : blankToNull(o.customer().identification());
    }

    static OrderPayment payment(String status) {
        if (status == null) {
            return OrderPayment.OTHER;
        }
        try {
            return OrderPayment.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OrderPayment.OTHER;
        }
    }

    static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal number");
        }
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), VENDOR_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("a time is not ISO 8601: " + text.strip());
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
