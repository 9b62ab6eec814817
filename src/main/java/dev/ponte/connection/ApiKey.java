package dev.ponte.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A tenant's API key, stored only as its SHA-256 hash. */
@Entity
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public String keyHash;
    public String label;
    public Instant createdAt;
    public Instant revokedAt;
}
