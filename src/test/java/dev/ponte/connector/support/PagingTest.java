package dev.ponte.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.connector.RemotePage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void stopsAtAShortPageOrTheReportedTotal() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> items = Paging.numbered(1, 100, page -> {
            asked.add(page);
            return Paging.Slice.sized(page < 3 ? List.of(page, page) : List.of(page), 2);
        }).toList();
        assertThat(items).containsExactly(1, 1, 2, 2, 3);
        assertThat(asked).containsExactly(1, 2, 3);

        asked.clear();
        assertThat(Paging.numbered(1, 100, page -> {
            asked.add(page);
            return Paging.Slice.sized(List.of(page, page), 2, 4L);
        }).toList()).hasSize(4);
        assertThat(asked).containsExactly(1, 2);
    }

    @Test
    void aReportedTotalOutranksAPageShorterThanAsked() {
        // 100 asked per page, the vendor serves at most 50 of its 120: all of them are read, then no further.
        List<Integer> asked = new ArrayList<>();
        List<Integer> items = Paging.numbered(1, 100, page -> {
            asked.add(page);
            int from = (page - 1) * 50;
            return Paging.Slice.sized(IntStream.range(from, Math.min(from + 50, 120)).boxed().toList(), 100, 120L);
        }).toList();
        assertThat(items).hasSize(120).doesNotHaveDuplicates();
        assertThat(asked).containsExactly(1, 2, 3);
    }

    @Test
    void followsTheVendorsFlagAndStopsAtAnEmptyPage() {
        assertThat(Paging.numbered(0, 100, skip -> Paging.Slice.flagged(List.of(skip), skip < 2)).toList())
                .containsExactly(0, 1, 2);
        assertThat(Paging.numbered(0, 100, skip -> Paging.Slice.flagged(skip < 1 ? List.of(skip) : List.of(), true))
                .toList()).containsExactly(0);
    }

    @Test
    void readsNoFurtherThanNeededNorPastTheGuard() {
        List<Integer> asked = new ArrayList<>();
        assertThat(Paging.numbered(1, 100, page -> {
            asked.add(page);
            return Paging.Slice.sized(List.of(page * 10, page * 10 + 1), 2);
        }).filter(i -> i == 21).findFirst()).contains(21);
        assertThat(asked).containsExactly(1, 2);

        assertThat(Paging.numbered(0, 5, page -> Paging.Slice.sized(List.of(page), 1)).count())
                .as("a listing that never ends stops at the guard").isEqualTo(5);
    }

    @Test
    void followsCursorsUntilNone() {
        List<String> cursors = new ArrayList<>();
        List<Integer> items = Paging.cursored(100, cursor -> {
            cursors.add(cursor);
            int at = cursor == null ? 0 : Integer.parseInt(cursor);
            return new RemotePage<>(IntStream.range(at, at + 2).boxed().toList(), at < 4 ? String.valueOf(at + 2) : null);
        }).toList();
        assertThat(items).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(cursors).containsExactly(null, "2", "4");
        assertThat(Paging.cursored(3, cursor -> new RemotePage<>(List.of(1), "same")).count()).isEqualTo(3);
    }
}
