package org.virtd.vbox.manage;

import java.util.List;

/** What one VBoxManage run left behind: its exit status and both streams, whole. */
public record Output(List<String> args, int exit, String stdout, String stderr) {

    public Output {
        args = List.copyOf(args);
    }

    public boolean ok() {
        return exit == 0;
    }
}
