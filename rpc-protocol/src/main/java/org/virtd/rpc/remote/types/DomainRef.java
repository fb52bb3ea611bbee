package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.Arrays;

/**
 * {@code remote_nonnull_domain}: how a domain travels on the wire. Clients read a domain's id,
 * name and uuid from it (there is no get-id call), so every one we send carries the current id,
 * -1 while the domain is inactive.
 */
public record DomainRef(String name, byte[] uuid, int id) {

    public static final XdrCodec<DomainRef> CODEC =
            Struct.of(DomainRef::new, Xdr.STRING, DomainRef::name, Xdr.UUID, DomainRef::uuid, Xdr.INT, DomainRef::id);

    /** {@code remote_domain}: optional, null when absent. */
    public static final XdrCodec<DomainRef> OPTIONAL = Xdr.optional(CODEC);

    public static final int INACTIVE_ID = -1;

    public java.util.UUID javaUuid() {
        return uuidOf(uuid);
    }

    /** A wire {@code remote_uuid} as a Java UUID. */
    public static java.util.UUID uuidOf(byte[] uuid) {
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (uuid[i] & 0xff);
            lo = (lo << 8) | (uuid[i + 8] & 0xff);
        }
        return new java.util.UUID(hi, lo);
    }

    public static byte[] uuidBytes(java.util.UUID u) {
        byte[] b = new byte[16];
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[7 - i] = (byte) (hi >>> (8 * i));
            b[15 - i] = (byte) (lo >>> (8 * i));
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainRef d && d.id == id && d.name.equals(name) && Arrays.equals(d.uuid, uuid);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(uuid);
    }

    @Override
    public String toString() {
        return name + "(" + javaUuid() + ", id " + id + ")";
    }
}
