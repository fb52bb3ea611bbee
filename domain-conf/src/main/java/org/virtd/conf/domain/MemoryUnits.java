package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Scaled memory values ({@code <memory unit='MiB'>128</memory>}) to KiB, rounded up, with
 * libvirt's errors (qemu-driver.md §2.1): case-insensitive suffixes, b/bytes, k/KiB powers of
 * 1024, KB/MB... powers of 1000, a missing unit meaning KiB.
 */
public final class MemoryUnits {

    private static final BigInteger ULLONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger KIB = BigInteger.valueOf(1024);

    private MemoryUnits() {
    }

    /**
     * @param value the element text
     * @param unit  the unit attribute or null
     * @param xpath how libvirt names the element in errors, e.g. {@code ./memory[1]}
     */
    public static long toKiB(String value, String unit, String xpath) throws VirtException {
        String v = value.strip();
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value '" + value + "' for element or attribute '" + xpath + "'");
        }
        BigInteger bytes = new BigInteger(v).multiply(BigInteger.valueOf(scale(unit)));
        if (bytes.compareTo(ULLONG_MAX) > 0) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.NONE, value + (unit == null ? "" : " " + unit));
        }
        return bytes.add(KIB.subtract(BigInteger.ONE)).divide(KIB).longValueExact();
    }

    /** Bytes per unit; throws libvirt's {@code unknown suffix} error. */
    public static long scale(String unit) throws VirtException {
        if (unit == null || unit.isEmpty()) {
            return 1024;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        String rest = u.substring(1);
        if (power == 0 || !(rest.isEmpty() || rest.equals("ib") || rest.equals("b"))) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "unknown suffix '" + unit + "'");
        }
        long base = rest.equals("b") ? 1000 : 1024;
        long s = 1;
        for (int i = 0; i < power; i++) {
            s *= base;
        }
        return s;
    }
}
