package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.Set;

/** The errors the domain XML layer raises, with libvirt's code/domain pairs (qemu-driver.md §3). */
final class DefErrors {

    private DefErrors() {
    }

    /** 27/20 {@code XML error: ...}. */
    static VirtException xml(String detail) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, detail);
    }

    /** 67/20 {@code unsupported configuration: ...}. */
    static VirtException unsupported(String detail) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, detail);
    }

    /** 27/5, what libvirt's enum attribute parser says about a value outside the enum. */
    static VirtException invalidAttribute(String attr, String element, String value) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                "Invalid value for attribute '" + attr + "' in element '" + element + "': '" + value + "'.");
    }

    /** Returns {@code value} when it is null or one of {@code allowed}; 27/5 otherwise. */
    static String requireEnum(String value, Set<String> allowed, String attr, String element) throws VirtException {
        if (value != null && !allowed.contains(value)) {
            throw invalidAttribute(attr, element, value);
        }
        return value;
    }

    /** Parses a non-negative decimal attribute; 27/20 naming it otherwise. -1 when absent. */
    static int uint(String value, String what) throws VirtException {
        if (value == null) {
            return -1;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw xml("Cannot parse " + what + " '" + value + "'");
        }
    }

    /** 27/5, what libvirt's XML property reader says about a required attribute that is absent. */
    static VirtException missingAttribute(String attr, String element) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                "Missing required attribute '" + attr + "' in element '" + element + "'");
    }

    /** {@code value} as a non-negative int, read as libvirt's XML property reader does; 27/5 otherwise. */
    static int nonNegativeAttribute(String value, String attr, String element) throws VirtException {
        return number(value, attr, element, true);
    }

    /** {@code value} as a signed int, read as libvirt's XML property reader does; 27/5 otherwise. */
    static int intAttribute(String value, String attr, String element) throws VirtException {
        return number(value, attr, element, false);
    }

    private static int number(String value, String attr, String element, boolean unsigned) throws VirtException {
        if (value == null) {
            throw missingAttribute(attr, element);
        }
        try {
            return unsigned ? Integer.parseUnsignedInt(value.strip()) : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + value + "'. Expected "
                    + (unsigned ? "non-negative integer" : "integer") + " value");
        }
    }
}
