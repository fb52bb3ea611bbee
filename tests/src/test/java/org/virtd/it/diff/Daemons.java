package org.virtd.it.diff;

import java.io.IOException;

/**
 * Where a scenario file runs: libvirtd, our virtqemud and, when compared too, our virtqemud
 * through virtproxyd ({@code proxied}, or null), all three in one qemu.conf. The suite asks once
 * per file; a source may start daemons for a configuration the first time it is named.
 */
interface Daemons {

    record Trio(Target oracle, Target ours, Target proxied) {
    }

    /** @param qemuConf the name of a file's qemu.conf ({@code conf/NAME.conf}), or null for the lab one */
    Trio in(String qemuConf) throws IOException, InterruptedException;
}
