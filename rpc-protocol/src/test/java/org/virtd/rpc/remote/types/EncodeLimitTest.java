package org.virtd.rpc.remote.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;
import org.virtd.rpc.xdr.XdrEncodeException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Limits hold on encode as on decode: a reply the client could not decode is refused as libvirtd refuses it. */
class EncodeLimitTest {

    private static final XdrCodec<DomainList> LIST_ALL = RemoteProgram.CONNECT_LIST_ALL_DOMAINS.ret();

    private static DomainList domains(int n) {
        List<DomainRef> doms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            doms.add(new DomainRef("d" + i, new byte[16], -1));
        }
        return new DomainList(doms, n);
    }

    @Test
    void listAllDomainsAtTheLimitEncodes() {
        ByteBuf buf = Unpooled.buffer();
        LIST_ALL.encode(buf, domains(Limits.DOMAIN_LIST_MAX));
        assertEquals(Limits.DOMAIN_LIST_MAX, LIST_ALL.decode(buf).domains().size());
    }

    @Test
    void listAllDomainsPastTheLimitIsLibvirtsError() {
        XdrEncodeException e = assertThrows(XdrEncodeException.class,
                () -> LIST_ALL.encode(Unpooled.buffer(), domains(16_385)));
        assertEquals("Too many domains '16385' for limit '16384'", e.getMessage());
        assertEquals(16_385, e.count());
        assertEquals(16_384, e.limit());

        RemoteError wire = RemoteError.of(VirtError.encodeRefusal(e));
        assertEquals(1, wire.code()); // VIR_ERR_INTERNAL_ERROR
        assertEquals(7, wire.domain()); // VIR_FROM_RPC
        assertEquals("internal error: Too many domains '16385' for limit '16384'", wire.message());
    }

    @Test
    void unnamedListPastItsLimitIsTheEncoderError() {
        XdrEncodeException e = assertThrows(XdrEncodeException.class,
                () -> Xdr.array(Xdr.INT, 2).encode(Unpooled.buffer(), List.of(1, 2, 3)));
        RemoteError wire = RemoteError.of(VirtError.encodeRefusal(e));
        assertEquals(39, wire.code()); // VIR_ERR_RPC
        assertEquals(7, wire.domain());
        assertEquals("Unable to encode message payload", wire.message());
    }

    @Test
    void stringAndOpaquePastTheirLimitsAreRefused() {
        assertThrows(XdrEncodeException.class, () -> Xdr.string(3).encode(Unpooled.buffer(), "abcd"));
        assertThrows(XdrEncodeException.class, () -> Xdr.opaque(3).encode(Unpooled.buffer(), new byte[4]));
        assertThrows(XdrEncodeException.class, () -> Xdr.countedChars(4).encode(Unpooled.buffer(), "abcd"));
        assertThrows(XdrEncodeException.class, () -> Xdr.charBytes(3).encode(Unpooled.buffer(), new byte[4]));
    }

    @Test
    void aRefusedPacketLeavesNothingInTheBuffer() {
        ByteBuf out = Unpooled.buffer();
        out.writeInt(42);
        Header h = Header.of(RemoteProgram.ID, RemoteProgram.VERSION, RemoteProgram.CONNECT_LIST_ALL_DOMAINS.number(),
                MessageType.REPLY, 5, MessageStatus.OK);
        assertThrows(XdrEncodeException.class, () -> Packets.encode(out, h, LIST_ALL, domains(16_385)));
        assertEquals(4, out.readableBytes());
    }
}
