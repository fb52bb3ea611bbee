package org.virtd.vbox.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser of {@code list vms} and {@code list runningvms}: one {@code "NAME" {UUID}} per line,
 * in VirtualBox's registration order (which libvirt's domain ids are derived from). The name is
 * everything between the first and the last quote before the brace, so names with quotes or
 * braces survive; lines of another shape are skipped.
 */
public final class MachineList {
    private static final Pattern LINE = Pattern.compile("^\"(.*)\" \\{([0-9a-fA-F-]{36})\\}\\s*$");

    private MachineList() {
    }

    public static List<MachineEntry> parse(String text) {
        List<MachineEntry> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                try {
                    out.add(new MachineEntry(m.group(1), UUID.fromString(m.group(2))));
                } catch (IllegalArgumentException e) {
                    // not a UUID after all: not a machine line
                }
            }
        }
        return out;
    }
}
