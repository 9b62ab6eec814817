package dev.ponte.connection;

import dev.ponte.model.TermField;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A connection's mapping table of one ledger customer field, as changed by a user (R32). */
@Entity
@Table(name = "term_mapping")
public class TermMappingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID connectionId;
    @Enumerated(EnumType.STRING)
    public TermField field;
    public String defaultValue;
    public String crmField;
    public boolean derive;
    /** CRM value → ledger code. */
    @ElementCollection
    @CollectionTable(name = "term_translation", joinColumns = @JoinColumn(name = "mapping_id"))
    @MapKeyColumn(name = "crm_value")
    @Column(name = "ledger_code")
    public Map<String, String> translations = new HashMap<>();
    public Instant updatedAt;
}
