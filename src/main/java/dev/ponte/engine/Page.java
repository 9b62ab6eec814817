package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a listing: items, the zero-based page number, the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * The page of {@code query}. Panache computes the first row as page × size in an int: a page past every row could
     * overflow into a negative offset, which Hibernate refuses, so such a page is answered empty.
     */
    public static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            return new Page<>(List.of(), page, size, query.count());
        }
        return new Page<>(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size,
                query.count());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
