package org.virtd.rpc.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the captures of spec/captures/pcap: classic pcap files (either byte order) of link type
 * 101 (raw IPv4) carrying TCP segments between a client and the daemon. Each direction of each
 * connection is reassembled in file order (the captures are synthesised in order, without loss)
 * and cut into libvirt packets by their length words.
 */
public final class Pcap {
    private static final int LINKTYPE_RAW = 101;
    private static final int PROTO_TCP = 6;

    private Pcap() {
    }

    public static List<CapturedFrame> frames(Path file) throws IOException {
        return frames(Files.readAllBytes(file));
    }

    public static List<CapturedFrame> frames(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap);
        int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4) {
            in.order(ByteOrder.BIG_ENDIAN);
            if (in.getInt(0) != 0xa1b2c3d4) {
                throw new IllegalArgumentException(String.format("not a pcap file (magic %08x)", magic));
            }
        }
        int linkType = in.getInt(20);
        if (linkType != LINKTYPE_RAW) {
            throw new IllegalArgumentException("unsupported link type " + linkType);
        }
        in.position(24);
        Map<String, Flow> flows = new LinkedHashMap<>();
        List<CapturedFrame> out = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.getInt();
            in.getInt();
            int caplen = in.getInt();
            in.getInt();
            byte[] packet = new byte[caplen];
            in.get(packet);
            segment(packet, flows, out);
        }
        return out;
    }

    private static void segment(byte[] ip, Map<String, Flow> flows, List<CapturedFrame> out) {
        ByteBuffer b = ByteBuffer.wrap(ip);
        int ihl = (b.get(0) & 0x0f) * 4;
        if ((b.get(0) >> 4) != 4 || (b.get(9) & 0xff) != PROTO_TCP) {
            return;
        }
        int total = b.getShort(2) & 0xffff;
        int srcPort = b.getShort(ihl) & 0xffff;
        int dstPort = b.getShort(ihl + 2) & 0xffff;
        int dataOffset = ((b.get(ihl + 12) >> 4) & 0x0f) * 4;
        int start = ihl + dataOffset;
        String key = srcPort + ">" + dstPort;
        Flow flow = flows.get(key);
        if (flow == null) {
            Flow reverse = flows.get(dstPort + ">" + srcPort);
            boolean fromClient = reverse == null || !reverse.fromClient;
            int connection = reverse != null ? reverse.connection
                    : (int) flows.values().stream().map(f -> f.connection).distinct().count() + 1;
            flow = new Flow(connection, fromClient);
            flows.put(key, flow);
        }
        if (total > start) {
            flow.data.write(ip, start, total - start);
            flow.cut(out);
        }
    }

    /** One direction of one connection: bytes not yet cut into whole packets. */
    private static final class Flow {
        final int connection;
        final boolean fromClient;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        Flow(int connection, boolean fromClient) {
            this.connection = connection;
            this.fromClient = fromClient;
        }

        void cut(List<CapturedFrame> out) {
            byte[] all = data.toByteArray();
            int pos = 0;
            while (all.length - pos >= 4) {
                int len = ByteBuffer.wrap(all, pos, 4).getInt();
                if (len < 28 || all.length - pos < len) {
                    break;
                }
                byte[] frame = new byte[len];
                System.arraycopy(all, pos, frame, 0, len);
                out.add(new CapturedFrame(connection, fromClient, frame));
                pos += len;
            }
            data.reset();
            data.write(all, pos, all.length - pos);
        }
    }
}
