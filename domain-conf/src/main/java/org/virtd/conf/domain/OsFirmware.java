package org.virtd.conf.domain;

/**
 * The firmware part of {@code <os>}: the {@code firmware='efi|bios'} autoselection request, the
 * {@code <firmware>} features it must (yes) or must not (no) have, the {@code <loader>} and the
 * per-guest {@code <nvram>} variable store. Null members are absent from the XML.
 */
public record OsFirmware(String firmware, String enrolledKeys, String secureBoot, Loader loader, Nvram nvram) {

    /** {@code <loader readonly secure type>path</loader>}. */
    public record Loader(String readonly, String secure, String type, String path) {
    }

    /** {@code <nvram template>path</nvram>}. */
    public record Nvram(String template, String path) {
    }

    /** True when nothing of it is given (the XML prints nothing). */
    public boolean isEmpty() {
        return firmware == null && enrolledKeys == null && secureBoot == null && loader == null && nvram == null;
    }

    public OsFirmware withLoader(Loader l, Nvram n) {
        return new OsFirmware(firmware, enrolledKeys, secureBoot, l, n);
    }

    /** The same without the autoselection request (what a filled-in running definition shows). */
    public OsFirmware resolved() {
        return new OsFirmware(null, enrolledKeys, secureBoot, loader, nvram);
    }
}
