package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.storage.ChainDetector;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A starting guest's disks with their whole backing chains and the numbers libvirt gives their
 * images ({@code index=} in the live XML, N in the node names {@code libvirt-N-format}).
 * A chain the definition gives is kept and, unless it says it ends, followed further through
 * the image headers. Numbers count from 1 in two passes over the disks from the last to the
 * first: the first numbers each source and the layers its definition gave, the second the
 * layers found in the images.
 */
final class DiskChains {

    private DiskChains() {
    }

    /** {@code def} with complete, numbered chains; refuses images that cannot be read. */
    static DomainDef resolve(DomainDef def) throws VirtException {
        Devices d = def.devices();
        if (d == null) {
            return def;
        }
        List<DiskDef> disks = new ArrayList<>(d.disks());
        int[] given = new int[disks.size()];
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef k = disks.get(i);
            given[i] = k.backing().layers().size();
            if (hasImage(k)) {
                disks.set(i, complete(k));
            }
        }
        return def.withDevices(d.withDisks(number(disks, given)));
    }

    private static boolean hasImage(DiskDef k) {
        return k.source() != null && (k.type() == null || "file".equals(k.type()) || "block".equals(k.type()));
    }

    private static DiskDef complete(DiskDef k) throws VirtException {
        BackingChain chain = k.backing();
        ChainDetector.checkTop(Path.of(k.source()));
        if (chain.ends()) {
            return k;
        }
        List<BackingChain.Layer> given = chain.layers();
        BackingChain.Layer last = given.isEmpty() ? null : given.get(given.size() - 1);
        Path from = Path.of(last == null ? k.source() : last.source());
        String format = last == null ? k.driverType() : last.format();
        return k.withBacking(chain.then(ChainDetector.below(from, format), true));
    }

    /** The two numbering passes; {@code given[i]}: how many of disk i's layers its definition gave. */
    private static List<DiskDef> number(List<DiskDef> disks, int[] given) {
        int next = 1;
        List<List<BackingChain.Layer>> layers = new ArrayList<>();
        disks.forEach(k -> layers.add(new ArrayList<>(k.backing().layers())));
        for (int i = disks.size() - 1; i >= 0; i--) {
            if (!hasImage(disks.get(i))) {
                continue;
            }
            disks.set(i, disks.get(i).withSourceIndex(next++));
            for (int j = 0; j < given[i]; j++) {
                layers.get(i).set(j, layers.get(i).get(j).withIndex(next++));
            }
        }
        for (int i = disks.size() - 1; i >= 0; i--) {
            if (!hasImage(disks.get(i))) {
                continue;
            }
            List<BackingChain.Layer> l = layers.get(i);
            for (int j = given[i]; j < l.size(); j++) {
                l.set(j, l.get(j).withIndex(next++));
            }
            disks.set(i, disks.get(i).withBacking(new BackingChain(l, true)));
        }
        return disks;
    }
}
