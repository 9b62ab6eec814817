package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One reconciliation run of a connection (R50) and what it did so far. */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    public String mode;
    public String triggeredBy;
    public String status;
    public UUID activeKey;
    public Long jobId;
    public int seen;
    public int created;
    public int updated;
    public int unchanged;
    public int conflicts;
    public int skipped;
    public int failed;
    public String message;
    public Instant queuedAt;
    public Instant startedAt;
    public Instant finishedAt;
}
