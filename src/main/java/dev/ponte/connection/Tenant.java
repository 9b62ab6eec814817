package dev.ponte.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A customer of this Ponte installation; owns connections and API keys, and sees nothing of other tenants. */
@Entity
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public Instant createdAt;
}
