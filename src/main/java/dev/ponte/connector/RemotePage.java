package dev.ponte.connector;

import java.util.List;

/** One page of a vendor listing and the cursor of the next page (null when this was the last). */
public record RemotePage<T>(List<T> items, String nextCursor) {

    public RemotePage {
        items = List.copyOf(items);
    }
}
