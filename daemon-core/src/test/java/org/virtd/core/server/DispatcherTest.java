package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.testing.FakeDriver;
import org.virtd.core.testing.InProcessDaemon;
import org.virtd.core.testing.WireClient;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.message.Packets;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.xdr.Xdr;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatch rules of wire-protocol.md §6, over a real socket with a fake driver. */
class DispatcherTest {
    @TempDir
    Path dir;
    InProcessDaemon d;

    @BeforeEach
    void start() throws Exception {
        d = new InProcessDaemon(dir, new FakeDriver());
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private static RemoteError failure(WireClient c, org.junit.jupiter.api.function.Executable call) {
        WireClient.CallFailed f = assertThrows(WireClient.CallFailed.class, call);
        return f.error;
    }

    @Test
    void handshakeAndDriverCall() throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            assertEquals(List.of(0), c.call(RemoteProgram.AUTH_LIST, null));
            assertEquals(1, c.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 10));
            c.call(RemoteProgram.CONNECT_OPEN, new OpenArgs("fake:///system", 0));
            assertEquals(1, c.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 14));
            assertEquals(FakeDriver.VERSION, c.call(RemoteProgram.CONNECT_GET_VERSION, null));
            assertEquals(9_000_000L, c.call(RemoteProgram.CONNECT_GET_LIB_VERSION, null));
            assertEquals("fake:///system", c.call(RemoteProgram.CONNECT_GET_URI, null));
        }
    }

    @Test
    void callsBeforeOpenAndSecondOpen() throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            RemoteError e = failure(c, () -> c.call(RemoteProgram.CONNECT_GET_VERSION, null));
            assertEquals(1, e.code());
            assertEquals(7, e.domain());
            assertEquals("internal error: hypervisor connection not open", e.message());
            c.call(RemoteProgram.CONNECT_OPEN, new OpenArgs("", 0));
            e = failure(c, () -> c.call(RemoteProgram.CONNECT_OPEN, new OpenArgs("", 0)));
            assertEquals("internal error: connection already open", e.message());
            e = failure(c, () -> c.call(RemoteProgram.CONNECT_GET_VERSION, null));
            assertEquals("internal error: hypervisor connection not open", e.message());
        }
    }

    @Test
    void unknownDriverUri() throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            RemoteError e = failure(c, () -> c.call(RemoteProgram.CONNECT_OPEN, new OpenArgs("foo:///system", 0)));
            assertEquals(5, e.code());
            assertEquals("no connection driver available for foo:///system", e.message());
        }
    }

    @Test
    void unknownProgramProcedureStatusAndUndecodable() throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            c.open("", 0);
            assertEquals("Cannot find program 305419810 version 1", rawError(c, 0x12345622, 1, 3, 0, new byte[0]));
            assertEquals("unknown procedure: 9999", rawError(c, RemoteProgram.ID, 1, 9999, 0, new byte[0]));
            assertEquals("unknown procedure: 0", rawError(c, RemoteProgram.ID, 1, 0, 0, new byte[0]));
            assertEquals("Unexpected message status 1", rawError(c, RemoteProgram.ID, 1, 3, 1, new byte[0]));
            assertEquals("Unable to decode message payload",
                    rawError(c, RemoteProgram.ID, 1, RemoteProgram.DOMAIN_LOOKUP_BY_NAME.number(), 0, new byte[]{0, 0, 0, 9}));
        }
    }

    @Test
    void readOnlyRefusalBeforeNoSupport() throws Exception {
        try (WireClient c = WireClient.connect(d.ro)) {
            c.open("", 0);
            RemoteError e = failure(c, () -> c.call(RemoteProgram.CONNECT_GET_DOMAIN_CAPABILITIES,
                    new org.virtd.rpc.remote.types.DomainCapabilitiesArgs(null, null, null, null, 0)));
            assertEquals(29, e.code());
            assertTrue(e.message().startsWith("operation forbidden: read only access prevents"), e.message());
        }
        try (WireClient c = WireClient.connect(d.rw)) {
            c.open("", 0);
            RemoteError e = failure(c, () -> c.call(RemoteProgram.CONNECT_GET_DOMAIN_CAPABILITIES,
                    new org.virtd.rpc.remote.types.DomainCapabilitiesArgs(null, null, null, null, 0)));
            assertEquals(3, e.code());
            assertEquals("this function is not supported by the connection driver: virConnectGetDomainCapabilities",
                    e.message());
        }
    }

    @Test
    void keepalivePingIsAnswered() throws Exception {
        try (WireClient c = WireClient.connect(d.rw)) {
            ByteBuf out = Unpooled.buffer();
            Packets.encode(out, Header.of(0x6b656570, 1, 1, MessageType.MESSAGE, 0, MessageStatus.OK), Xdr.VOID, null);
            c.writeRaw(out.nioBuffer());
            ByteBuffer pong = c.readPacket();
            Header h = Header.decode(Unpooled.wrappedBuffer(pong));
            assertEquals(2, h.procedure());
            assertEquals(MessageType.MESSAGE, h.messageType());
        }
    }

    private static String rawError(WireClient c, int prog, int vers, int proc, int status, byte[] body) throws Exception {
        ByteBuf out = Unpooled.buffer();
        out.writeInt(28 + body.length);
        new Header(prog, vers, proc, MessageType.CALL.wire, 77, status).encode(out);
        out.writeBytes(body);
        c.writeRaw(out.nioBuffer());
        ByteBuffer reply = c.readPacket();
        ByteBuf in = Unpooled.wrappedBuffer(reply);
        Header h = Header.decode(in);
        assertEquals(77, h.serial());
        assertEquals(MessageStatus.ERROR, h.messageStatus());
        return RemoteError.CODEC.decode(in).message();
    }
}
