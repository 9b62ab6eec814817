package dev.ponte.connector.contaazul;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One connection's next sale (or contract) {@code numero}, seeded from Conta Azul's {@code proximo-numero} on first use
 * and then counted here, so concurrent workers never wait for one another nor read the vendor's next number per
 * create. Other writers of the account (its own screens, another connection) are met when Conta Azul refuses a taken
 * number: {@link #skipPast} moves the count beyond it, never back.
 */
final class NumberSequence {

    private static final long UNSEEDED = 0;

    private final AtomicLong next = new AtomicLong(UNSEEDED);

    /** A number no other worker of this JVM got; {@code proximoNumero} is asked only while unseeded. */
    long take(LongSupplier proximoNumero) {
        if (next.get() == UNSEEDED) {
            long seed = Math.max(1, proximoNumero.getAsLong());
            next.accumulateAndGet(seed, Math::max);
        }
        return next.getAndIncrement();
    }

    /** Another writer took {@code taken}; the vendor now says {@code proximoNumero} is free. */
    void skipPast(long taken, long proximoNumero) {
        next.accumulateAndGet(Math.max(taken + 1, proximoNumero), Math::max);
    }
}
