package dev.ponte.model;

import java.time.LocalDate;
import java.util.Objects;

/** The schedule of a recurring sale (a contract, R19); {@code end} is null for an open-ended contract. */
public record Recurrence(LocalDate start, LocalDate end, int dueDay) {

    public Recurrence {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end must not be before start");
        }
        if (dueDay < 1 || dueDay > 31) {
            throw new IllegalArgumentException("dueDay must be between 1 and 31");
        }
    }
}
