package dev.ponte.connection;

import dev.ponte.model.FinancialEntry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A connection's mapping of the receivable or payable of a won deal (R21, R22), as its tenant saved it. */
@Entity
@Table(name = "entry_mapping")
public class EntryMappingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    @Enumerated(EnumType.STRING)
    public FinancialEntry.Kind kind;
    /** Field name → template text, as JSON. */
    public String fields;
    public String categoryId;
    public String financialAccountId;
    public Instant updatedAt;
}
