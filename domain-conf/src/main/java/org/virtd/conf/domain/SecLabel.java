package org.virtd.conf.domain;

/**
 * A domain's {@code <seclabel>} for one security model: how the daemon labels the guest's
 * process and files. {@code static} names the label itself (for DAC {@code +UID:+GID} or
 * {@code user:group}), {@code dynamic} lets the driver choose, {@code none} asks for none.
 *
 * @param relabel whether the guest's files are labelled for it (libvirt's default: yes only for dynamic)
 * @param label   the static label; null otherwise (a running guest's dynamic one is runtime state)
 */
public record SecLabel(String type, String model, boolean relabel, String label) {
    public static final String STATIC = "static";
    public static final String DYNAMIC = "dynamic";
    public static final String NONE = "none";

    public boolean isStatic() {
        return STATIC.equals(type);
    }

    public boolean isNone() {
        return NONE.equals(type);
    }

    /** Whether it speaks of {@code model} (a label without a model belongs to the primary one). */
    public boolean isFor(String model) {
        return this.model == null || this.model.equals(model);
    }
}
