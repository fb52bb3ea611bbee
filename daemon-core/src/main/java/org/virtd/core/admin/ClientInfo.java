package org.virtd.core.admin;

import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.server.Session;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT_GET_INFO's answer: read-only flag, address for TCP clients, the certificate DN of TLS
 * clients, and the unix peer's credentials with the user and group names the host knows them by.
 */
final class ClientInfo {
    private ClientInfo() {
    }

    static List<TypedParam> of(Session s) {
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofBoolean("readonly", s.readOnly()));
        String addr = s.peer().address();
        if (addr != null) {
            out.add(TypedParam.ofString("sock_addr", addr));
        }
        String dn = s.peer().x509Dn();
        if (dn != null) {
            out.add(TypedParam.ofString("tls_x509_dname", dn));
        }
        ClientIdentity id = s.identity();
        if (id.uid() >= 0) {
            out.add(TypedParam.ofInt("unix_user_id", (int) id.uid()));
            String user = HostAccounts.userName(id.uid());
            if (user != null) {
                out.add(TypedParam.ofString("unix_user_name", user));
            }
        }
        if (id.gid() >= 0) {
            out.add(TypedParam.ofInt("unix_group_id", (int) id.gid()));
            String group = HostAccounts.groupName(id.gid());
            if (group != null) {
                out.add(TypedParam.ofString("unix_group_name", group));
            }
        }
        if (id.pid() >= 0) {
            out.add(TypedParam.ofInt("unix_process_id", (int) id.pid()));
        }
        return out;
    }
}
