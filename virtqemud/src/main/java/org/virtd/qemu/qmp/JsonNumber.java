package org.virtd.qemu.qmp;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number kept as its literal text, so a value QEMU sent (a uint64 size, a float) is
 * echoed unchanged; {@link #longValue()} and {@link #doubleValue()} interpret it.
 */
public record JsonNumber(String literal) implements JsonValue {

    public JsonNumber {
        Objects.requireNonNull(literal, "literal");
    }

    public static JsonNumber of(long n) {
        return new JsonNumber(Long.toString(n));
    }

    /** The value as a long; fractions are truncated, out-of-range values throw. */
    public long longValue() {
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            return new BigDecimal(literal).longValueExact();
        }
    }

    public double doubleValue() {
        return Double.parseDouble(literal);
    }

    @Override
    public String toJson() {
        return literal;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append(literal);
    }

    // Written out rather than generated: a record's own equals and hashCode bootstrap
    // java.lang.runtime.ObjectMethods on first use, which spins some 40 method-handle classes
    // (and loads the bytecode generator) in every daemon that reads the cached QEMU
    // capabilities (issue 17).
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber other && literal.equals(other.literal);
    }

    @Override
    public int hashCode() {
        return literal.hashCode();
    }

    @Override
    public String toString() {
        return literal;
    }
}
