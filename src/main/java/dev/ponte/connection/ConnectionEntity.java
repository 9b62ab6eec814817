package dev.ponte.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One source account paired with one ledger account. Settings are JSON; credentials are sealed JSON. */
@Entity
@Table(name = "connection")
public class ConnectionEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public String name;
    public String sourceSystem;
    public String ledgerSystem;
    /** Comma-separated flow names. */
    public String flows;
    public String settings;
    public String credentials;
    @Enumerated(EnumType.STRING)
    public ConnectionStatus status;
    public Instant activatedAt;
    public Instant createdAt;
    public Instant updatedAt;
    /** The pending OAuth2 consent's one-time nonce, per side (null: none pending). */
    public String oauthNonceLedger;
    public String oauthNonceSource;
    @Version
    public long version;
}
