package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.BitSet;

/**
 * A set of host CPUs as libvirt writes it in XML ({@code cpuset='0-2,5'}): parsed from
 * ranges, single numbers and {@code ^N} exclusions; printed as ascending ranges. Also converts
 * to and from the byte bitmaps of the pinning APIs (bit i of byte i/8 = CPU i).
 */
public final class CpuSet {
    private CpuSet() {
    }

    /** Parses {@code text}; null when it is not a valid CPU list. */
    public static BitSet parse(String text) {
        BitSet set = new BitSet();
        BitSet minus = new BitSet();
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            boolean neg = p.startsWith("^");
            if (neg) {
                p = p.substring(1);
            }
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to < from || (neg && dash >= 0)) {
                    return null;
                }
                (neg ? minus : set).set(from, to + 1);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        set.andNot(minus);
        return set;
    }

    /** Parses {@code text}; INVALID_ARG as libvirt's virBitmapParse reports it when it is not a list. */
    public static BitSet bitmap(String text) throws VirtException {
        BitSet set = parse(text);
        if (set == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "Failed to parse bitmap '" + text + "'");
        }
        return set;
    }

    /** {@code 0-1,4}: libvirt's virBitmapFormat. */
    public static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    /** The CPUs whose bits are set in {@code map}. */
    public static BitSet fromMap(byte[] map) {
        BitSet set = new BitSet();
        for (int i = 0; i < map.length * 8; i++) {
            if ((map[i / 8] & (1 << (i % 8))) != 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** {@code set} as a bitmap of {@code maplen} bytes (CPUs beyond it are dropped). */
    public static byte[] toMap(BitSet set, int maplen) {
        byte[] map = new byte[maplen];
        for (int i = set.nextSetBit(0); i >= 0 && i < maplen * 8; i = set.nextSetBit(i + 1)) {
            map[i / 8] |= (byte) (1 << (i % 8));
        }
        return map;
    }
}
