package org.wasmvm.core.sandbox;

import java.security.SecureRandom;

/**
 * Where a guest's random bytes come from (WASI's {@code random_get}): the host's secure generator,
 * or, for reproducible builds, a generator whose bytes are fixed by a seed. The seeded one keeps
 * no secret: anyone who knows the seed (and it is in the build's configuration) knows every byte,
 * so a guest must never make keys, tokens or nonces from it. One per run; not thread-safe.
 */
public sealed interface GuestRandom permits GuestRandom.Secure, SplitMix64 {
    /** Fills {@code bytes} with the next random bytes. */
    void fill(byte[] bytes);

    /** The host's {@link SecureRandom}, created on the first request (it may block gathering entropy). */
    static GuestRandom secure() {
        return new Secure();
    }

    /** The bytes of SplitMix64 from {@code seed}: the same for the same seed, on every JVM and platform. */
    static GuestRandom seeded(long seed) {
        return new SplitMix64(seed);
    }

    /** {@link #secure()}. */
    final class Secure implements GuestRandom {
        private SecureRandom random;

        private Secure() {
        }

        @Override
        public void fill(byte[] bytes) {
            if (random == null) {
                random = new SecureRandom();
            }
            random.nextBytes(bytes);
        }
    }
}
