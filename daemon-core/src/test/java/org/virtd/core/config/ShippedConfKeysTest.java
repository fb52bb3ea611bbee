package org.virtd.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the shipped configuration files honest: every key they document (commented out, with its
 * default) is one the daemon's reader asks for, or the comment above it says "not supported yet".
 * The file is loaded with every documented key switched on, so the examples must also be valid.
 */
class ShippedConfKeysTest {
    private static final Pattern KEY_LINE = Pattern.compile("^#([a-z_]+) = .*$");

    @ParameterizedTest
    @ValueSource(strings = {"virtqemud.conf", "virtvboxd.conf", "virtproxyd.conf"})
    void everyDocumentedKeyIsReadOrMarkedNotSupported(String name) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/main/dist/etc/libvirt", name));
        StringBuilder enabled = new StringBuilder();
        List<String> keys = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KEY_LINE.matcher(lines.get(i));
            if (m.matches()) {
                keys.add(m.group(1));
                if (commentAbove(lines, i).toLowerCase().contains("not supported yet")) {
                    marked.add(m.group(1));
                }
                enabled.append(lines.get(i).substring(1)).append('\n');
            }
        }
        assertFalse(keys.isEmpty(), name + " documents no key");
        ConfFile file = ConfParser.parse(name, enabled.toString());
        DaemonConfigReader.read(file);
        List<String> unread = new ArrayList<>();
        for (String key : keys) {
            if (!file.consultedKeys().contains(key) && !marked.contains(key)) {
                unread.add(key);
            }
        }
        assertEquals(List.of(), unread, name + ": keys neither read nor marked 'not supported yet'");
    }

    /** The comment lines directly above line {@code i}, up to a blank line or the previous key. */
    private static String commentAbove(List<String> lines, int i) {
        StringBuilder text = new StringBuilder();
        for (int j = i - 1; j >= 0 && lines.get(j).startsWith("#") && !KEY_LINE.matcher(lines.get(j)).matches(); j--) {
            text.insert(0, lines.get(j) + "\n");
        }
        return text.toString();
    }
}
