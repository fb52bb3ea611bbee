package org.virtd.rpc.error;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code remote_error} word by word (wire-protocol.md §5). */
class RemoteErrorCodecTest {

    @Test
    void wireFormFieldByField() {
        ByteBuf buf = Unpooled.buffer();
        RemoteError e = new RemoteError(42, 10, "m", 2, "s1", null, null, -1, -1);
        RemoteError.CODEC.encode(buf, e);
        assertEquals(""
                + "0000002a" // code
                + "0000000a" // domain
                + "00000001" + "00000001" + "6d000000" // message? present, "m"
                + "00000002" // level
                + "00000000" // dom? absent
                + "00000001" + "00000002" + "73310000" // str1? present, "s1"
                + "00000000" // str2? absent
                + "00000000" // str3? absent
                + "ffffffff" // int1
                + "ffffffff" // int2
                + "00000000", // net? absent
                ByteBufUtil.hexDump(buf));
        assertEquals(e, RemoteError.CODEC.decode(buf));
    }

    @Test
    void optionalDomainAndNetworkAreDecodedAndDropped() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeInt(1).writeInt(7).writeInt(0).writeInt(2);
        buf.writeInt(1).writeInt(1).writeBytes(new byte[] {'d', 0, 0, 0}).writeZero(16).writeInt(3); // dom
        buf.writeInt(0).writeInt(0).writeInt(0).writeInt(-1).writeInt(-1);
        buf.writeInt(1).writeInt(1).writeBytes(new byte[] {'n', 0, 0, 0}).writeZero(16); // net
        assertEquals(new RemoteError(1, 7, null, 2, null, null, null, -1, -1), RemoteError.CODEC.decode(buf));
        assertEquals(0, buf.readableBytes());
    }
}
