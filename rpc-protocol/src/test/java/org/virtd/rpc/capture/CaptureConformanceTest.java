package org.virtd.rpc.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.ProcedureKind;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.xdr.XdrCodec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every body of every captured packet (spec/captures, libvirt 9.0 talking to virsh, python and
 * virt-admin) decodes with our declared codec, leaves nothing unread, and re-encodes to the
 * same bytes: CALL args, REPLY rets, errors, events.
 */
class CaptureConformanceTest {

    static final List<Program> PROGRAMS = List.of(RemoteProgram.PROGRAM, QemuProgram.PROGRAM, LxcProgram.PROGRAM,
            AdminProgram.PROGRAM, KeepaliveProgram.PROGRAM);

    static List<Path> captures() throws IOException, URISyntaxException {
        Path dir = Path.of(CaptureConformanceTest.class.getResource("/captures").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyCapturedBodyRoundTrips() throws Exception {
        List<Path> files = captures();
        assertEquals(37, files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                List<CapturedFrame> frames = Pcap.frames(file);
                assertTrue(frames.size() >= 4, "frames in " + file);
                for (CapturedFrame f : frames) {
                    check(f);
                }
            }));
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void readerFindsEveryPacketTsharkFound() throws Exception {
        int total = 0;
        for (Path file : captures()) {
            total += Pcap.frames(file).size();
        }
        assertEquals(843, total, "spec/captures/tshark-check.txt counts 843 libvirt frames");
    }

    static void check(CapturedFrame f) {
        Header h = f.header();
        assertEquals(f.bytes().length, Unpooled.wrappedBuffer(f.bytes()).getInt(0), f.toString());
        Program program = PROGRAMS.stream().filter(p -> p.id() == h.program()).findFirst().orElse(null);
        assertNotNull(program, "unknown program in " + f);
        Procedure<?, ?> proc = program.procedure(h.procedure());
        assertNotNull(proc, "undeclared procedure in " + f);
        assertTrue(proc.layoutKnown(), "captured traffic for a procedure without layout: " + f);
        MessageType type = h.messageType();
        MessageStatus status = h.messageStatus();
        ByteBuf body = f.payload();
        switch (type) {
            case CALL -> roundTrip(f, body, proc.args());
            case CALL_WITH_FDS -> {
                body.readInt();
                roundTrip(f, body.slice(), proc.args());
            }
            case REPLY -> {
                if (status == MessageStatus.ERROR) {
                    roundTrip(f, body, RemoteError.CODEC);
                } else {
                    roundTrip(f, body, proc.ret());
                }
            }
            case MESSAGE -> {
                assertEquals(ProcedureKind.MESSAGE, proc.kind(), f.toString());
                roundTrip(f, body, proc.args());
            }
            case STREAM -> {
                if (status == MessageStatus.ERROR && !f.fromClient()) {
                    roundTrip(f, body, RemoteError.CODEC);
                }
            }
            default -> fail("unexpected type in " + f);
        }
    }

    static <T> void roundTrip(CapturedFrame f, ByteBuf body, XdrCodec<T> codec) {
        byte[] original = ByteBufUtil.getBytes(body);
        T value = codec.decode(body);
        assertEquals(0, body.readableBytes(), "bytes left after decoding " + f);
        ByteBuf again = Unpooled.buffer();
        codec.encode(again, value);
        assertEquals(ByteBufUtil.hexDump(original), ByteBufUtil.hexDump(again), "re-encoding " + f);
    }
}
