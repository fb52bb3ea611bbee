package org.virtd.qemu.driver;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The randomness behind generated domain UUIDs and MAC addresses: a {@link SecureRandom}, made on
 * first use. Setting up the JDK's security providers costs a start-up about ten milliseconds
 * that a socket-activated daemon would otherwise pay before its first reply, for nothing until
 * the first define.
 */
final class UuidRandom implements RandomGenerator {
    static final UuidRandom INSTANCE = new UuidRandom();

    private UuidRandom() {
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    @Override
    public long nextLong() {
        return Holder.RANDOM.nextLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        Holder.RANDOM.nextBytes(bytes);
    }
}
