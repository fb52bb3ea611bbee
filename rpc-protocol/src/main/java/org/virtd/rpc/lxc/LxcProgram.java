package org.virtd.rpc.lxc;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;

/**
 * The LXC program (0x00068000 v1, lxc_protocol.x, procedures.md §5). Every hypervisor daemon
 * registers it; none of ours implements it, so its single call reaches the read-only rule and
 * then NO_SUPPORT naming virDomainLxcOpenNamespace.
 */
public final class LxcProgram {
    private LxcProgram() {
    }

    public static final int ID = 0x00068000;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "LXC");

    /** {@code {dom D, flags u}}; answers with fds. Refused on read-only connections like every namespace entry. */
    public static final Procedure<Void, Void> DOMAIN_OPEN_NAMESPACE =
            P.unimplemented(1, "DOMAIN_OPEN_NAMESPACE").api("virDomainLxcOpenNamespace").denyReadOnly().add();

    public static final Program PROGRAM = P.build();
}
