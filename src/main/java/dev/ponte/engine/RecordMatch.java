package dev.ponte.engine;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A match key of one connection: the ledger record a source's CNPJ, product code or name led to, or the job that is
 * finding or creating it. Unlike a {@link RecordLink}, many keys may lead to one ledger record.
 */
@Entity
public class RecordMatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    public String entityType;
    public String matchKey;
    public String ledgerId;
    public String claimedBy;
    public Instant createdAt;
    public Instant updatedAt;
}
