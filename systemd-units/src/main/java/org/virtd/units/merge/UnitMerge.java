package org.virtd.units.merge;

import java.util.List;
import org.virtd.units.model.SectionName;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;

/**
 * Merges a base unit with extra snippets, section by section (spec/systemd-units.md §2): for each
 * section in the fixed order Unit, Service, Socket, Install, all base directives, then the
 * directives of each extra in the order given. Pure concatenation: no key is overridden or
 * de-duplicated. An extra may only add to a section its base already has; anything else is a build
 * error naming the extra and the section.
 */
public final class UnitMerge {

    /** The merged unit; its origin is the base's origin. */
    public UnitFile merge(UnitFile base, List<UnitFile> extras) throws UnitBuildException {
        for (UnitFile extra : extras) {
            requireSectionsInBase(base, extra);
        }
        UnitFile.Builder merged = UnitFile.builder(base.origin());
        for (SectionName section : base.sectionNames()) {
            merged.addAll(section, base.directives(section));
            for (UnitFile extra : extras) {
                merged.addAll(section, extra.directives(section));
            }
        }
        return merged.build();
    }

    private static void requireSectionsInBase(UnitFile base, UnitFile extra) throws UnitBuildException {
        for (SectionName section : extra.sectionNames()) {
            if (!base.has(section)) {
                throw new UnitBuildException(extra.origin() + ": section [" + section.header()
                        + "] is not present in base " + base.origin() + "; an extra may only add to existing sections");
            }
        }
    }
}
