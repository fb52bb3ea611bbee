package org.virtd.core.dbus;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The wire format against bytes GLib's GDBusMessage produced for the same messages (its
 * {@code to_blob}): libvirt's CreateMachineWithNetwork call, a reply with an object path, an
 * UnknownMethod error.
 */
class MessageTest {
    /** GLib's CreateMachineWithNetwork call, serial 5 (fields in GLib's order: 1, 2, 6, 8, 3). */
    private static final String GLIB_CALL = "6c0100013401000005000000b900000001016f00190000002f6f72672f667265656465736b746f702f6d616368696e65"
            + "310000000000000002017300200000006f72672e667265656465736b746f702e6d616368696e65312e4d616e61676572"
            + "000000000000000006017300180000006f72672e667265656465736b746f702e6d616368696e65310000000000000000"
            + "080167000e7361797373757361696128737629000000000003017300180000004372656174654d616368696e65576974"
            + "684e6574776f726b00000000000000000b00000071656d752d312d74696e790010000000000102030405060708090a0b"
            + "0c0d0e0f0c0000006c6962766972742d71656d750000000002000000766d000092100000000000000000000008000000"
            + "0700000009000000d40000000000000005000000536c696365000173000000000d0000006d616368696e652e736c6963"
            + "6500000000000000050000004166746572000261730000002e000000100000006c696276697274642e73657276696365"
            + "00000000110000007669727471656d75642e7365727669636500000000000000060000004265666f7265000261730000"
            + "1f0000001a000000766972742d67756573742d73687574646f776e2e746172676574000000000000080000005461736b"
            + "734d6178000174002c010000000000000800000044656c65676174650001620001000000";
    private static final String GLIB_REPLY = "6c02010136000000090000001000000008016700016f00000501750005000000310000002f6f72672f66726565646573"
            + "6b746f702f6d616368696e65312f6d616368696e652f71656d755f3264315f326474696e7900";
    private static final String GLIB_ERROR = "6c030101130000000a0000004800000004017300280000006f72672e667265656465736b746f702e444275732e457272"
            + "6f722e556e6b6e6f776e4d6574686f640000000000000000080167000173000005017500050000000e0000006e6f2073"
            + "756368206d6574686f6400";

    private static final String SIG = "sayssusaia(sv)";

    private static List<Object> args() {
        byte[] uuid = new byte[16];
        for (int i = 0; i < 16; i++) {
            uuid[i] = (byte) i;
        }
        return List.of("qemu-1-tiny", uuid, "libvirt-qemu", "vm", 4242, "", List.of(7, 9), List.of(
                List.of("Slice", new Variant("s", "machine.slice")),
                List.of("After", new Variant("as", List.of("libvirtd.service", "virtqemud.service"))),
                List.of("Before", new Variant("as", List.of("virt-guest-shutdown.target"))),
                List.of("TasksMax", new Variant("t", 300L)),
                List.of("Delegate", new Variant("b", true))));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void bodyIsByteForByteWhatGlibSends() {
        byte[] glib = glibCall();
        Message decoded = Message.decode(glib);
        byte[] ours = new Marshaller().write(SIG, args()).toByteArray();
        assertArrayEquals(decoded.body(), ours);
    }

    @Test
    void decodesGlibsCall() {
        Message m = Message.decode(glibCall());
        assertEquals(Message.METHOD_CALL, m.type());
        assertEquals(5, m.serial());
        assertEquals("CreateMachineWithNetwork", m.member());
        assertEquals(SIG, m.signature());
        assertEquals("org.freedesktop.machine1", m.fields().get(Message.DESTINATION));
        assertEquals("/org/freedesktop/machine1", m.fields().get(Message.PATH));
        List<Object> a = m.arguments();
        assertEquals("qemu-1-tiny", a.get(0));
        assertArrayEquals((byte[]) args().get(1), (byte[]) a.get(1));
        assertEquals(4242L, a.get(4));
        assertEquals(List.of(7, 9), a.get(6));
        List<?> props = (List<?>) a.get(7);
        assertEquals(List.of("After", new Variant("as", List.of("libvirtd.service", "virtqemud.service"))),
                props.get(1));
        assertEquals(List.of("TasksMax", new Variant("t", 300L)), props.get(3));
        assertEquals(List.of("Delegate", new Variant("b", true)), props.get(4));
    }

    @Test
    void ourCallDecodesToTheSameMessage() {
        Message ours = Message.call(5, "org.freedesktop.machine1", "/org/freedesktop/machine1",
                "org.freedesktop.machine1.Manager", "CreateMachineWithNetwork", SIG, args());
        byte[] wire = ours.encode();
        assertEquals(glibCall().length, wire.length, "same size as GLib's, only the fields' order differs");
        Message back = Message.decode(wire);
        assertEquals(Message.decode(glibCall()).fields(), back.fields());
        assertArrayEquals(Message.decode(glibCall()).body(), back.body());
        assertEquals(wire.length, Message.size(java.util.Arrays.copyOf(wire, Message.FIXED_HEADER)));
    }

    @Test
    void readsReplyAndError() {
        Message r = Message.decode(hex(GLIB_REPLY));
        assertEquals(Message.METHOD_RETURN, r.type());
        assertEquals(5, r.replySerial());
        assertEquals(List.of("/org/freedesktop/machine1/machine/qemu_2d1_2dtiny"), r.arguments());
        Message e = Message.decode(hex(GLIB_ERROR));
        assertEquals(Message.ERROR, e.type());
        assertEquals(BusError.UNKNOWN_METHOD, e.errorName());
        assertEquals(List.of("no such method"), e.arguments());
    }

    @Test
    void helloAndDictionaries() {
        // Hello: no body, no signature field; serial 1
        byte[] hello = Message.call(1, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "Hello", "", List.of()).encode();
        assertEquals("6c01000100000000010000006d000000", HexFormat.of().formatHex(hello, 0, 16));
        assertEquals(0x6d + 16 + 3, hello.length, "fields end unpadded: no body follows");
        byte[] dict = new Marshaller().write("a{su}", List.of(Map.of("a", 1))).toByteArray();
        assertEquals("0c00000000000000010000006100000001000000", HexFormat.of().formatHex(dict));
        assertEquals(List.of(Map.of("a", 1L)), new Unmarshaller(dict, ByteOrder.LITTLE_ENDIAN).read("a{su}"));
    }

    @Test
    void malformedInputIsRefused() {
        byte[] cut = java.util.Arrays.copyOf(glibCall(), 100);
        assertThrows(IllegalArgumentException.class, () -> Message.decode(cut));
        assertThrows(IllegalArgumentException.class, () -> new Unmarshaller(hex("ff000000"),
                ByteOrder.LITTLE_ENDIAN).read("s"));
        assertThrows(IllegalArgumentException.class, () -> new Marshaller().write("s", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Variant("ss", List.of()));
    }

    private static byte[] glibCall() {
        return hex(GLIB_CALL);
    }
}
