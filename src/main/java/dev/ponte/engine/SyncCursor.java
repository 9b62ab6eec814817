package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Where a connection's incremental reconciliation resumes. */
@Entity
public class SyncCursor extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String position;
    public Instant updatedAt;

    /** Connection and cursor name. */
    @Embeddable
    public record Key(UUID connectionId, String name) implements Serializable {
    }
}
