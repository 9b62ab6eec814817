package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a record's history: what was done to it, when, and why (R51, R62). */
@Entity
@Table(name = "history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    public String subject;
    public Long jobId;
    public String action;
    public String outcome;
    public String message;
    public String details;
    public Instant createdAt;
}
