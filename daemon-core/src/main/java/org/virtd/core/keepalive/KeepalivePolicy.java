package org.virtd.core.keepalive;

/**
 * When to ping a silent client and when to give up on it (libvirt's virKeepAlive timing,
 * wire-protocol.md §8): after {@code interval} seconds without receiving anything we ping, and
 * after {@code count} unanswered pings plus one more interval the client is dead. Pure: time is
 * passed in, so tests advance it instead of sleeping (grpc's KeepAliveEnforcer shape).
 */
public final class KeepalivePolicy {

    public enum Verdict {
        NOTHING,
        PING,
        DEAD
    }

    private final long intervalNanos;
    private final int count;
    private long lastReceived;
    private int unanswered;

    /** {@code intervalSeconds} ≤ 0 disables pinging (the client may still ping us). */
    public KeepalivePolicy(int intervalSeconds, int count, long now) {
        this.intervalNanos = intervalSeconds > 0 ? intervalSeconds * 1_000_000_000L : 0;
        this.count = Math.max(0, count);
        this.lastReceived = now;
    }

    public boolean enabled() {
        return intervalNanos > 0;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Anything arrived from the client: it is alive. */
    public void received(long now) {
        lastReceived = now;
        unanswered = 0;
    }

    /** Called every interval: what to do now. */
    public Verdict tick(long now) {
        if (!enabled() || now - lastReceived < intervalNanos) {
            return Verdict.NOTHING;
        }
        if (unanswered >= count) {
            return Verdict.DEAD;
        }
        unanswered++;
        return Verdict.PING;
    }
}
