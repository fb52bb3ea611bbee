package org.virtd.conf.domain;

/**
 * The {@code <mirror>} of a running guest's disk while a block job writes to a second image: a
 * copy's destination, or the base an active commit merges into. {@code job} is libvirt's job
 * name ({@code copy}, {@code active-commit}); a copy also names its file and format in the
 * element's attributes; {@code ends}: the image has no backing image ({@code <backingStore/>}).
 */
public record DiskMirror(String job, String type, String format, String source, int index, boolean ready,
                         boolean ends) {

    public DiskMirror asReady() {
        return new DiskMirror(job, type, format, source, index, true, ends);
    }

    boolean isCopy() {
        return "copy".equals(job);
    }
}
