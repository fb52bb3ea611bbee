package org.virtd.rpc.remote.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.admin.types.ServerParamsArgs;
import org.virtd.rpc.admin.types.ServerRef;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.xdr.XdrCodec;
import org.virtd.rpc.xdr.XdrDecodeException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sample values through the declared codecs, and hostile payloads that must fail to decode. */
class CodecRoundTripTest {

    static final DomainRef DOM = new DomainRef("test", new byte[16], 3);

    static <T> T roundTrip(XdrCodec<T> codec, T value) {
        ByteBuf buf = Unpooled.buffer();
        codec.encode(buf, value);
        byte[] first = ByteBufUtil.getBytes(buf);
        T back = codec.decode(buf);
        assertEquals(0, buf.readableBytes());
        ByteBuf again = Unpooled.buffer();
        codec.encode(again, back);
        assertEquals(ByteBufUtil.hexDump(first), ByteBufUtil.hexDump(again));
        return back;
    }

    static ByteBuf hex(String words) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(words.replaceAll("\\s+", "")));
    }

    @Test
    void typedParamsOfEveryType() {
        List<TypedParam> params = List.of(TypedParam.ofInt("i", -1), TypedParam.ofUInt("u", 5),
                TypedParam.ofLLong("l", -2L), TypedParam.ofULLong("ul", 1L << 40), TypedParam.ofDouble("d", 0.5),
                TypedParam.ofBoolean("b", true), TypedParam.ofString("s", "x"));
        assertEquals(params, roundTrip(TypedParam.list(16), params));
    }

    @Test
    void adminThreadpoolParamMatchesTheCapturedBytes() {
        // wire-protocol.md §4: minWorkers → len 10, "minWorkers" + 2 pad, type 2 (UINT), value 5
        ByteBuf buf = Unpooled.buffer();
        TypedParam.CODEC.encode(buf, TypedParam.ofUInt("minWorkers", 5));
        assertEquals("0000000a" + ByteBufUtil.hexDump("minWorkers".getBytes()) + "0000" + "00000002" + "00000005",
                ByteBufUtil.hexDump(buf));
    }

    @Test
    void booleanParamDecodesLeniently() {
        TypedParam p = TypedParam.CODEC.decode(hex("00000001 62000000 00000006 00000007"));
        assertEquals(Boolean.TRUE, p.value());
    }

    @Test
    void undefinedParamTypeFails() {
        assertThrows(XdrDecodeException.class, () -> TypedParam.CODEC.decode(hex("00000001 62000000 00000009 00000000")));
    }

    @Test
    void everydayLayouts() {
        roundTrip(RemoteProgram.CONNECT_OPEN.args(), new OpenArgs("qemu:///system", 0));
        roundTrip(RemoteProgram.NODE_GET_INFO.ret(), new NodeInfo("x86_64", 1L << 20, 4, 2000, 1, 1, 4, 1));
        roundTrip(RemoteProgram.DOMAIN_GET_INFO.ret(), new DomainInfo(1, 1024, 1024, 2, 99));
        roundTrip(RemoteProgram.DOMAIN_GET_JOB_INFO.ret(), new JobInfo(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        roundTrip(RemoteProgram.CONNECT_LIST_ALL_DOMAINS.ret(), new DomainList(List.of(DOM), 1));
        roundTrip(RemoteProgram.NODE_GET_SECURITY_MODEL.ret(), new SecurityModel("none", ""));
        roundTrip(DomainEventKind.LIFECYCLE.callbackMessage().args(),
                new CallbackEvent<>(7, new LifecycleEvent(DOM, 5, 1)));
        roundTrip(DomainEventKind.PMWAKEUP.callbackMessage().args(), new CallbackEvent<>(1, new PmWakeupEvent(0, DOM)));
        roundTrip(RemoteProgram.DOMAIN_INTERFACE_ADDRESSES.ret(), List.of(new DomainInterface("vnet0", null,
                List.of(new IpAddress(0, "10.0.0.2", 24)))));
        roundTrip(AdminProgram.SERVER_SET_THREADPOOL_PARAMETERS.args(), new ServerParamsArgs(new ServerRef("virtqemud"),
                List.of(TypedParam.ofUInt("maxWorkers", 30)), 0));
    }

    @Test
    void snapshotLayouts() {
        SnapshotRef snap = new SnapshotRef("s1", DOM);
        assertEquals("<domainsnapshot/>", roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML.args(),
                new DomainXmlFlagsArgs(DOM, "<domainsnapshot/>", 0)).xml());
        assertEquals("s1", roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML.ret(), snap).name());
        assertEquals(7, roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_LIST_NAMES.args(),
                new SnapshotListNamesArgs(DOM, 7, 1)).maxNames());
        assertEquals(List.of("s1", "s2"), roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_LIST_NAMES.ret(), List.of("s1", "s2")));
        assertEquals("s2", roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME.args(),
                new SnapshotLookupArgs(DOM, "s2", 0)).name());
        roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_CURRENT.ret(), snap);
        roundTrip(RemoteProgram.DOMAIN_REVERT_TO_SNAPSHOT.args(), new SnapshotFlagsArgs(snap, 0));
        roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_DELETE.args(), new SnapshotFlagsArgs(snap, 1));
        roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_GET_PARENT.ret(), snap);
        assertEquals(1, roundTrip(RemoteProgram.DOMAIN_SNAPSHOT_IS_CURRENT.ret(), 1));
    }

    @Test
    void snapshotLookupIsDomainThenNameThenFlags() {
        ByteBuf buf = Unpooled.buffer();
        RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME.args().encode(buf, new SnapshotLookupArgs(DOM, "s1", 5));
        // domain: name "test", 16-byte uuid, id 3; then name "s1" padded to 4; then flags
        assertEquals("00000004" + "74657374" + "00".repeat(16) + "00000003" + "00000002" + "73310000" + "00000005",
                ByteBufUtil.hexDump(buf));
    }

    @Test
    void jobInfoIsTypeThenElevenHypers() {
        ByteBuf buf = Unpooled.buffer();
        JobInfo.CODEC.encode(buf, new JobInfo(2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1));
        assertEquals("00000002"
                + "0000000000000001" + "0000000000000002" + "0000000000000003" + "0000000000000004"
                + "0000000000000005" + "0000000000000006" + "0000000000000007" + "0000000000000008"
                + "0000000000000009" + "000000000000000a" + "ffffffffffffffff", ByteBufUtil.hexDump(buf));
        assertEquals(4 + 11 * 8, JobInfo.CODEC.minSize());
    }

    @Test
    void nodeInfoModelIs128Bytes() {
        ByteBuf buf = Unpooled.buffer();
        NodeInfo.CODEC.encode(buf, new NodeInfo("x86_64", 0, 0, 0, 0, 0, 0, 0));
        assertEquals(128 + 8 + 6 * 4, buf.readableBytes());
    }

    @Test
    void legacyPmEventCarriesTheDomainOnly() {
        ByteBuf buf = Unpooled.buffer();
        DomainEventKind.PMWAKEUP.legacyMessage().args().encode(buf, new PmWakeupEvent(3, DOM));
        ByteBuf dom = Unpooled.buffer();
        DomainRef.CODEC.encode(dom, DOM);
        assertEquals(ByteBufUtil.hexDump(dom), ByteBufUtil.hexDump(buf));
    }

    @Test
    void hostilePayloadsFailToDecode() {
        // string length past the end of the payload
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.DOMAIN_LOOKUP_BY_NAME.args().decode(hex("00000010 61626364")));
        // string over REMOTE_STRING_MAX
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.DOMAIN_LOOKUP_BY_NAME.args().decode(hex("00400001")));
        // truncated: uuid needs 16 bytes
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.DOMAIN_LOOKUP_BY_UUID.args().decode(hex("00112233")));
        // array count over its maximum (auth types <20>)
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.AUTH_LIST.ret().decode(hex("00000015")));
        // send-key keycodes<16> with 17
        ByteBuf key = Unpooled.buffer();
        DomainRef.CODEC.encode(key, DOM);
        key.writeInt(0).writeInt(0).writeInt(17);
        key.writeZero(17 * 4 + 4);
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.DOMAIN_SEND_KEY.args().decode(key));
        // absurd array count that the remaining bytes cannot hold
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.CONNECT_LIST_ALL_DOMAINS.ret().decode(hex("00003fff")));
        // empty payload where args are expected
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.CONNECT_OPEN.args().decode(Unpooled.EMPTY_BUFFER));
        // SASL data over 65536 chars
        assertThrows(XdrDecodeException.class, () -> RemoteProgram.AUTH_SASL_STEP.args().decode(hex("00000000 00010001")));
    }
}
