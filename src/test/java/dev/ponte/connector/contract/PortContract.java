package dev.ponte.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponte.connector.Connector;
import dev.ponte.connector.CredentialsFailure;
import dev.ponte.connector.Port;
import dev.ponte.connector.RateBudget;
import dev.ponte.connector.RejectedFailure.FieldError;
import dev.ponte.connector.TransientFailure;
import dev.ponte.support.MemoryAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Connector} promises, whatever it offers: a system name the API can take, ports that implement
 * every capability it declares, a credentials test that says which credential is wrong, and the vendor's refusals
 * (401, 429, 5xx) as Ponte failures the engine knows how to handle.
 *
 * <p>An implementation, one per connector and a {@code @QuarkusTest}, provides:
 * <ul>
 *   <li>{@link #connector()}: the connector bean;</li>
 *   <li>{@link #sandbox()}: its vendor's emulator, reset before each test;</li>
 *   <li>{@link #credentials()}: credentials the sandbox accepts (obtained by OAuth2 where the vendor connects so);</li>
 *   <li>{@link #refusedCredentials()}: credentials of the right shape the sandbox refuses;</li>
 *   <li>{@link #read(Port)}: one read that calls the vendor (a lookup, never a write);</li>
 *   <li>optionally {@link #serverErrorsAReadAbsorbs()}: how many 5xx answers in a row a read tries again in place;</li>
 *   <li>optionally {@link #reportsItsBudget()}: whether the vendor's answers carry its remaining budget.</li>
 * </ul>
 */
public abstract class PortContract {

    protected abstract Connector connector();

    protected abstract Sandbox sandbox();

    protected abstract Map<String, String> credentials();

    protected abstract Map<String, String> refusedCredentials();

    protected abstract void read(Port port);

    /** How many 5xx answers in a row the connector's read tries again in place before it fails; none by default. */
    protected int serverErrorsAReadAbsorbs() {
        return 0;
    }

    /** Whether the vendor's answers carry what remains of its rate limit (headers its package names). */
    protected boolean reportsItsBudget() {
        return false;
    }

    @BeforeEach
    void resetSandbox() {
        sandbox().reset();
    }

    private Port open(Map<String, String> credentials) {
        return connector().open(new MemoryAccess(credentials));
    }

    @Test
    void namesItsSystemInUpperCaseWithALabelAndASide() {
        assertThat(connector().system()).matches("[A-Z][A-Z0-9_]*");
        assertThat(connector().label()).isNotBlank();
        assertThat(connector().side()).isNotNull();
        assertThat(connector().credentialFields()).allSatisfy(f -> {
            assertThat(f.name()).isNotBlank();
            assertThat(f.description()).isNotBlank();
        });
    }

    @Test
    void opensPortsThatImplementEveryCapabilityItDeclares() {
        Set<Class<?>> capabilities = connector().capabilities();
        Port port = open(credentials());

        assertThat(capabilities).isNotEmpty().allSatisfy(capability -> {
            assertThat(capability).isInterface();
            assertThat(capability.getPackageName()).isEqualTo(Port.class.getPackageName());
            assertThat(capability.isInstance(port)).as("%s implemented", capability.getSimpleName()).isTrue();
        });
    }

    @Test
    void passesTheCredentialsTestWithGoodCredentials() {
        assertThat(open(credentials()).test()).isEmpty();
    }

    @Test
    void namesACredentialsFieldWhenTheCredentialsAreRefused() {
        assertThat(fieldsNamedByTest(refusedCredentials())).isNotEmpty().allSatisfy(
                field -> assertThat(field).isIn(credentialsFields()));
    }

    @Test
    void namesACredentialsFieldWhenThereAreNoCredentials() {
        assertThat(fieldsNamedByTest(Map.of())).isNotEmpty().allSatisfy(
                field -> assertThat(field).isIn(credentialsFields()));
    }

    @Test
    void aVendorThatKeepsRefusingTheCredentialsIsACredentialsFailure() {
        Port port = open(credentials());
        sandbox().faults(Map.of("next_401", 5));

        assertThatThrownBy(() -> read(port)).isInstanceOf(CredentialsFailure.class);
    }

    @Test
    void aRateLimitIsTransientAndCarriesTheVendorsRetryAfter() {
        Port port = open(credentials());
        sandbox().faults(Map.of("next_429", 1, "retry_after_seconds", 30));

        assertThatThrownBy(() -> read(port)).isInstanceOfSatisfying(TransientFailure.class,
                f -> assertThat(f.retryAfter()).contains(Duration.ofSeconds(30)));
        read(port);
    }

    @Test
    void countsItsCallsAndTheVendorsRefusalsInTheConnectionsBudget() {
        MemoryAccess connection = new MemoryAccess(credentials());
        Port port = connector().open(connection);
        read(port);
        sandbox().faults(Map.of("next_429", 1, "retry_after_seconds", 30));
        assertThatThrownBy(() -> read(port)).isInstanceOf(TransientFailure.class);

        RateBudget.Usage usage = connector().usage(connection.connectionId()).orElseThrow();
        assertThat(usage.callsLastMinute()).isGreaterThanOrEqualTo(2);
        assertThat(usage.throttledLastMinute()).isEqualTo(1);
        assertThat(usage.lastThrottledAt()).isNotNull();
        if (reportsItsBudget()) {
            assertThat(usage.vendorRemaining()).isNotNull().isNotNegative();
            assertThat(usage.reportedAt()).isNotNull();
        } else {
            assertThat(usage.vendorRemaining()).isNull();
        }
        assertThat(connector().usage(new MemoryAccess(credentials()).connectionId())).isEmpty();
    }

    @Test
    void aServerErrorIsTransient() {
        Port port = open(credentials());
        sandbox().faults(Map.of("next_500", serverErrorsAReadAbsorbs() + 1));

        assertThatThrownBy(() -> read(port)).isInstanceOf(TransientFailure.class);
        read(port);
    }

    /** The fields a person is told to fix, as {@code POST /connections/{id}/test} shows them. */
    private List<String> fieldsNamedByTest(Map<String, String> credentials) {
        return open(credentials).test().stream().map(FieldError::field).toList();
    }

    /** {@code credentials}, and {@code credentials.<name>} of each field the connector asks a person for. */
    private List<String> credentialsFields() {
        List<String> fields = new ArrayList<>(List.of("credentials"));
        connector().credentialFields().forEach(f -> fields.add("credentials." + f.name()));
        return fields;
    }
}
