package org.virtd.qemu.blockjob;

import org.virtd.conf.domain.BackingChain;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disk's images top first, as block job arguments name them: {@code vda[N]} (the image
 * numbered N) or a path; a disk by target or source path. Errors are libvirt's.
 */
final class DiskImages {
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)\\]");

    /** One image: type, format, path and number (0 outside a running guest). */
    record Image(String type, String format, String path, int index) {
        String formatNode() {
            return "libvirt-" + index + "-format";
        }

        String storageNode() {
            return "libvirt-" + index + "-storage";
        }
    }

    private DiskImages() {
    }

    /** The disk named by target or by source path; INVALID_ARG otherwise. */
    static DiskDef disk(DomainDef def, String name) throws VirtException {
        if (def.devices() != null) {
            for (DiskDef d : def.devices().disks()) {
                if (d.targetDev().equals(name)) {
                    return d;
                }
            }
            for (DiskDef d : def.devices().disks()) {
                if (name.equals(d.source())) {
                    return d;
                }
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "disk '" + name + "' not found in domain");
    }

    static List<Image> of(DiskDef d) {
        List<Image> out = new ArrayList<>();
        out.add(new Image(d.type(), d.driverType(), d.source(), d.sourceIndex()));
        for (BackingChain.Layer l : d.backing().layers()) {
            out.add(new Image(l.type(), l.format(), l.source(), l.index()));
        }
        return out;
    }

    /** The position of the image {@code name} names (null: the top), from position {@code from} down. */
    static int find(List<Image> images, DiskDef d, String name, int from, boolean base) throws VirtException {
        if (name == null) {
            return from;
        }
        Matcher m = INDEXED.matcher(name);
        if (m.matches() && m.group(1).equals(d.targetDev())) {
            int index = Integer.parseInt(m.group(2));
            for (int i = from; i < images.size(); i++) {
                if (images.get(i).index() == index) {
                    return i;
                }
            }
            throw storage("could not find backing store index '" + index + "' in chain for '" + d.targetDev() + "'");
        }
        for (int i = from; i < images.size(); i++) {
            if (name.equals(images.get(i).path())) {
                return i;
            }
        }
        throw storage(base
                ? "could not find image '" + name + "' beneath '" + images.get(Math.max(0, from - 1)).path()
                        + "' in chain for '" + d.targetDev() + "'"
                : "could not find image '" + name + "' in chain for '" + d.targetDev() + "'");
    }

    /** The base below position {@code top}: named, or the deepest image of the chain. */
    static int base(List<Image> images, DiskDef d, String name, int top) throws VirtException {
        if (name == null) {
            if (top + 1 >= images.size()) {
                throw storage("could not find base image in chain for '" + d.targetDev() + "'");
            }
            return images.size() - 1;
        }
        return find(images, d, name, top + 1, true);
    }

    static VirtException storage(String msg) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE, msg);
    }
}
