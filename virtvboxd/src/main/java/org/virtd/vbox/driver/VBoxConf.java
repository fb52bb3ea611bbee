package org.virtd.vbox.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our {@code vbox.conf} (beside virtvboxd.conf): only {@code vbox_manage = "/path/VBoxManage"}
 * so far, in virConf syntax; comments and other keys are ignored.
 */
final class VBoxConf {
    private static final Pattern VBOX_MANAGE = Pattern.compile("^\\s*vbox_manage\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?$",
            Pattern.MULTILINE);

    private VBoxConf() {
    }

    /** The configured VBoxManage path, or null. */
    static String vboxManage(Path configDir) {
        if (configDir == null) {
            return null;
        }
        try {
            Matcher m = VBOX_MANAGE.matcher(Files.readString(configDir.resolve("vbox.conf")));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
