package org.virtd.units.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable unit file: for each present section, its directives in file order. The origin names
 * where the content came from (a template file name) and is used in error messages only. Rendering
 * writes sections in {@link SectionName} order separated by one blank line, as the merge of
 * spec/systemd-units.md §2 does.
 */
public final class UnitFile {

    private final String origin;
    private final Map<SectionName, List<Directive>> sections;

    private UnitFile(String origin, Map<SectionName, List<Directive>> sections) {
        this.origin = origin;
        EnumMap<SectionName, List<Directive>> copy = new EnumMap<>(SectionName.class);
        sections.forEach((name, lines) -> copy.put(name, List.copyOf(lines)));
        this.sections = Collections.unmodifiableMap(copy);
    }

    /** A builder for a unit whose content comes from {@code origin}. */
    public static Builder builder(String origin) {
        return new Builder(origin);
    }

    public String origin() {
        return origin;
    }

    /** The sections present, in the fixed order. */
    public Set<SectionName> sectionNames() {
        return sections.keySet();
    }

    public boolean has(SectionName section) {
        return sections.containsKey(section);
    }

    /** The directives of a section in order; empty when the section is absent. */
    public List<Directive> directives(SectionName section) {
        return sections.getOrDefault(section, List.of());
    }

    /** Every value of {@code key} in {@code section}, in order. */
    public List<String> values(SectionName section, String key) {
        return directives(section).stream()
                .filter(d -> d.key().equals(key))
                .map(Directive::value)
                .collect(Collectors.toList());
    }

    /** The unit as text: header, directives, one blank line between sections, trailing newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<SectionName, List<Directive>> e : sections.entrySet()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append('[').append(e.getKey().header()).append("]\n");
            for (Directive d : e.getValue()) {
                out.append(d.line()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "UnitFile[" + origin + "]";
    }

    /** Collects sections and directives; a section opened twice keeps appending to the same list. */
    public static final class Builder {
        private final String origin;
        private final Map<SectionName, List<Directive>> sections = new EnumMap<>(SectionName.class);

        private Builder(String origin) {
            this.origin = origin;
        }

        /** Makes the section present even if it ends up with no directive. */
        public Builder section(SectionName section) {
            sections.computeIfAbsent(section, s -> new ArrayList<>());
            return this;
        }

        public Builder add(SectionName section, Directive directive) {
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(directive);
            return this;
        }

        public Builder add(SectionName section, String key, String value) {
            return add(section, new Directive(key, value));
        }

        public Builder addAll(SectionName section, List<Directive> directives) {
            section(section);
            directives.forEach(d -> add(section, d));
            return this;
        }

        public UnitFile build() {
            return new UnitFile(origin, sections);
        }
    }
}
