package org.virtd.core.dbus;

/** A D-Bus variant: a value with the signature of its single complete type. */
public record Variant(String signature, Object value) {
    public Variant {
        if (Signature.end(signature, 0) != signature.length()) {
            throw new IllegalArgumentException("not one complete type: " + signature);
        }
    }
}
