package org.virtd.conf.domain;

/**
 * A NIC's {@code <bandwidth>}: the guest's inbound and outbound rates (KiB/s average, peak and
 * floor, KiB burst); a direction that is null has no limit. A NIC without the element has none
 * at all (null); libvirt keeps an element with neither direction when a CONFIG change clears both.
 */
public record NetBandwidth(Rate inbound, Rate outbound) {

    public record Rate(long average, long peak, long burst, long floor) {
    }

    public boolean isEmpty() {
        return inbound == null && outbound == null;
    }
}
