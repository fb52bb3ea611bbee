package org.virtd.rpc.xdr;

/**
 * A value that does not fit its declared type: a list, string or opaque longer than the
 * maximum its declaration gives. Encoding refuses it, as decoding would on the other side, so a
 * peer is never sent a frame it cannot decode. Carries what was counted, how many and the limit;
 * the daemon answers it with libvirt's own wording ({@code Too many domains '17000' for limit
 * '16384'} where the declaration names its elements, "Unable to encode message payload" where
 * it does not).
 */
public final class XdrEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String noun;
    private final long count;
    private final long limit;

    /**
     * @param noun  the elements in libvirt's plural ("domains"), or null when the declaration names none
     * @param count how many the value holds
     * @param limit the declared maximum
     */
    public XdrEncodeException(String noun, long count, long limit) {
        super(noun != null ? tooMany(noun, count, limit) : count + " over the declared maximum " + limit,
                null, false, false);
        this.noun = noun;
        this.count = count;
        this.limit = limit;
    }

    /** libvirt's sentence for a list over its limit (remote_daemon_dispatch.c). */
    public static String tooMany(String noun, long count, long limit) {
        return "Too many " + noun + " '" + count + "' for limit '" + limit + "'";
    }

    /** The counted elements in libvirt's plural, or null when the declaration names none. */
    public String noun() {
        return noun;
    }

    public long count() {
        return count;
    }

    public long limit() {
        return limit;
    }
}
