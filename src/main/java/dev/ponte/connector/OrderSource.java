package dev.ponte.connector;

import dev.ponte.model.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A shop's orders (R40): each with its customer, lines and freight, and those changed since a time (R18). */
public interface OrderSource {

    /** The order read by its id (never its display number); empty when the shop no longer has it. */
    Optional<Order> order(String id);

    /**
     * Orders changed at or after {@code since}, one page at a time; {@code cursor} null asks for the first page. A
     * flow reads each with {@link #order} again before acting.
     */
    OrderPage ordersChangedSince(Instant since, String cursor);

    /** One page of changed orders and the cursor of the next (null when this was the last). */
    record OrderPage(List<Order> orders, String nextCursor) {

        public OrderPage {
            orders = List.copyOf(orders);
        }
    }
}
