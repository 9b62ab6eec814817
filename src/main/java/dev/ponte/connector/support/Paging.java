package dev.ponte.connector.support;

import dev.ponte.connector.RemotePage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a vendor listing page after page as one stream of items. Pages are read lazily, when the stream needs their
 * items, so a search that stops at its first match reads no further; and at most {@code maxPages} of them, so a
 * listing that ignores its page parameter (or repeats a cursor) cannot loop forever.
 */
public final class Paging {

    /** The default guard: more pages than any account Ponte serves should fill. */
    public static final int MAX_PAGES = 1000;

    private Paging() {
    }

    /**
     * One page of a numbered (or offset) listing and what it says of the next. Reading stops after an empty page,
     * a page the vendor marks the last ({@code more} false), or once the vendor's {@code total} has been read; where
     * it gives none ({@code total} null), after a page shorter than the {@code requested} size (when the vendor keeps
     * to it: 0 when it need not). A total outranks a short page: a vendor that serves fewer items a page than asked
     * (a cap it does not document) is still read to the end.
     */
    public record Slice<T>(List<T> items, Boolean more, int requested, Long total) {

        public Slice {
            items = items == null ? List.of() : items;
        }

        /** A page of a listing that fills every page but the last. */
        public static <T> Slice<T> sized(List<T> items, int requested) {
            return new Slice<>(items, null, requested, null);
        }

        /** A page of a listing that fills every page but the last and reports its total. */
        public static <T> Slice<T> sized(List<T> items, int requested, Long total) {
            return new Slice<>(items, null, requested, total);
        }

        /** A page of a listing that says whether another follows. */
        public static <T> Slice<T> flagged(List<T> items, boolean more) {
            return new Slice<>(items, more, 0, null);
        }
    }

    /** Pages {@code first}, {@code first + 1}, … (numbers or skips, as the vendor counts), at most {@code maxPages}. */
    public static <T> Stream<T> numbered(int first, int maxPages, IntFunction<Slice<T>> read) {
        return stream(new Pages<>(maxPages) {
            private int number = first;
            private long seen;

            @Override
            List<T> readPage() {
                Slice<T> slice = read.apply(number++);
                seen += slice.items().size();
                done = slice.items().isEmpty() || Boolean.FALSE.equals(slice.more())
                        || (slice.total() != null ? seen >= slice.total() : slice.items().size() < slice.requested());
                return slice.items();
            }
        });
    }

    /**
     * Pages by cursor: {@code read(null)} first, then {@code read} of each page's {@link RemotePage#nextCursor()}
     * until it is null, at most {@code maxPages}.
     */
    public static <T> Stream<T> cursored(int maxPages, Function<String, RemotePage<T>> read) {
        return stream(new Pages<>(maxPages) {
            private String cursor;

            @Override
            List<T> readPage() {
                RemotePage<T> page = read.apply(cursor);
                cursor = page.nextCursor();
                done = cursor == null;
                return page.items();
            }
        });
    }

    private static <T> Stream<T> stream(Pages<T> pages) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }

    /** Items of page after page; {@link #readPage()} reads one page and says by {@code done} whether it was the last. */
    private abstract static class Pages<T> implements Iterator<T> {

        private final int maxPages;
        private int read;
        private Iterator<T> current = List.<T>of().iterator();
        boolean done;

        Pages(int maxPages) {
            this.maxPages = maxPages;
        }

        abstract List<T> readPage();

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !done && read < maxPages) {
                read++;
                current = readPage().iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
