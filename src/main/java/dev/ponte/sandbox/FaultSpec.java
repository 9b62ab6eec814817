package dev.ponte.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Faults to inject into one vendor's emulator, posted as JSON to {@code /sandbox/{vendor}/_faults}.
 * Every field is optional; {@code next*} counters fire first, then the probabilities (drawn from a Random
 * seeded with {@code seed}, so a test run is repeatable).
 *
 * @param afterRequests      the first N requests are served as if no fault were set (e.g. to fail the read after a write)
 * @param latencyMs          added to every request
 * @param next401            the next N requests answer 401
 * @param next429            the next N requests answer 429 with {@code Retry-After: retryAfterSeconds}
 * @param next500            the next N requests answer 500
 * @param nextTimeouts       the next N requests sleep {@code timeoutMs} before being served normally
 * @param dropAfterCommit    the next N successful POSTs commit their change but the client never gets the answer
 * @param dropMode           {@code reset} (default: the TCP connection is closed without a response) or {@code 502}
 * @param webhookDuplicates  Pipedrive and Arivo: deliver every webhook event this many times (default 1)
 * @param stockCheck         Conta Azul only: refuse sales whose product quantity exceeds the available stock
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSpec(
        Long seed,
        Integer afterRequests,
        Integer latencyMs,
        @JsonProperty("next_401") Integer next401,
        @JsonProperty("next_429") Integer next429,
        @JsonProperty("next_500") Integer next500,
        Integer nextTimeouts,
        Double p401,
        Double p429,
        Double p500,
        Double pTimeout,
        Integer retryAfterSeconds,
        Integer timeoutMs,
        Integer dropAfterCommit,
        Double pDropAfterCommit,
        String dropMode,
        Integer webhookDuplicates,
        Boolean stockCheck) {

    public static FaultSpec none() {
        return new FaultSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
