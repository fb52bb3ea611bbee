package org.virtd.vbox.driver;

import java.util.UUID;

/** Where lifecycle handlers record a machine they brought online or offline themselves. */
@FunctionalInterface
interface OnlineNotes {
    OnlineNotes NONE = (uuid, name, online) -> {
    };

    void note(UUID uuid, String name, boolean online);
}
