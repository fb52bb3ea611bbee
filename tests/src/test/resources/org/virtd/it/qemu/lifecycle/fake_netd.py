# A stand-in virtnetworkd for tests: serves one network ("fakenet") over libvirt's RPC on the
# unix socket given as argv[1], logs every procedure it is called with to argv[2] (one line each:
# the number, and for CONNECT_OPEN the URI), and sends a network lifecycle event to each client
# that registers for them. Only the calls `virsh net-*` and event clients make are answered.
import os
import socket
import struct
import sys
import threading

REMOTE = 0x20008086
OK, ERROR = 0, 1
CALL, REPLY, MESSAGE = 0, 1, 2
NAME = 'fakenet'
UUID = bytes.fromhex('5c0e8bd6a4a24d4f9d1b6c1a2b3c4d5e')
XML = ("<network>\n  <name>fakenet</name>\n  <uuid>5c0e8bd6-a4a2-4d4f-9d1b-6c1a2b3c4d5e</uuid>\n"
       "  <bridge name='virbr9'/>\n</network>\n")
log_lock = threading.Lock()


def xstring(s):
    b = s.encode()
    return struct.pack('>I', len(b)) + b + b'\0' * (-len(b) % 4)


def read_string(body, off):
    n = struct.unpack_from('>I', body, off)[0]
    return body[off + 4:off + 4 + n].decode(), off + 4 + n + (-n % 4)


def network():
    return xstring(NAME) + UUID


def error(code, domain, message):
    # remote_error: code, domain, message*, level, dom*, str1*, str2*, str3*, int1, int2, net*
    return struct.pack('>ii', code, domain) + struct.pack('>I', 1) + xstring(message) + struct.pack('>i', 2) \
        + struct.pack('>IIIIiiI', 0, 0, 0, 0, 0, 0, 0)


def not_found(what):
    return error(43, 19, 'Network not found: no network with matching name \'%s\'' % what)


def answer(proc, body):
    """(status, reply body) for one call; None for calls the stand-in does not serve."""
    if proc == 66:                                  # AUTH_LIST: auth none
        return OK, struct.pack('>Ii', 1, 0)
    if proc in (1, 2, 419):                         # CONNECT_OPEN, CONNECT_CLOSE, CONNECT_SET_IDENTITY
        return OK, b''
    if proc == 60:                                  # CONNECT_SUPPORTS_FEATURE
        return OK, struct.pack('>i', 0)
    if proc == 283:                                 # CONNECT_LIST_ALL_NETWORKS
        need = struct.unpack_from('>i', body, 0)[0]
        return OK, (struct.pack('>I', 1) + network() if need else struct.pack('>I', 0)) + struct.pack('>I', 1)
    if proc == 52:                                  # CONNECT_NUM_OF_NETWORKS
        return OK, struct.pack('>i', 1)
    if proc == 50:                                  # CONNECT_NUM_OF_DEFINED_NETWORKS
        return OK, struct.pack('>i', 0)
    if proc == 38:                                  # CONNECT_LIST_NETWORKS
        return OK, struct.pack('>I', 1) + xstring(NAME)
    if proc == 36:                                  # CONNECT_LIST_DEFINED_NETWORKS
        return OK, struct.pack('>I', 0)
    if proc == 46:                                  # NETWORK_LOOKUP_BY_NAME
        name, _ = read_string(body, 0)
        return (OK, network()) if name == NAME else (ERROR, not_found(name))
    if proc == 47:                                  # NETWORK_LOOKUP_BY_UUID
        return (OK, network()) if body[:16] == UUID else (ERROR, not_found('uuid'))
    if proc == 43:                                  # NETWORK_GET_XML_DESC
        return OK, xstring(XML)
    if proc in (152, 153, 44):                      # IS_ACTIVE, IS_PERSISTENT, GET_AUTOSTART
        return OK, struct.pack('>i', 1)
    if proc == 45:                                  # NETWORK_GET_BRIDGE_NAME
        return OK, xstring('virbr9')
    if proc == 313:                                 # CONNECT_NETWORK_EVENT_REGISTER_ANY
        return OK, struct.pack('>i', 7)
    if proc == 314:                                 # CONNECT_NETWORK_EVENT_DEREGISTER_ANY
        return OK, b''
    return None


def packet(proc, mtype, serial, status, body):
    header = struct.pack('>IIiiIi', REMOTE, 1, proc, mtype, serial, status)
    return struct.pack('>I', 4 + len(header) + len(body)) + header + body


def recv_exactly(conn, n):
    data = b''
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def serve(conn, log):
    send_lock = threading.Lock()
    try:
        while True:
            length = struct.unpack('>I', recv_exactly(conn, 4))[0]
            data = recv_exactly(conn, length - 4)
            prog, vers, proc, mtype, serial, status = struct.unpack_from('>IIiiIi', data, 0)
            body = data[24:]
            if prog != REMOTE or mtype != CALL:
                continue
            with log_lock:
                log.write('%d%s\n' % (proc, ' ' + read_string(body, 4)[0] if proc == 1 else ''))
                log.flush()
            result = answer(proc, body)
            if result is None:
                result = ERROR, error(3, 19, 'this function is not supported by the connection driver: '
                                             'procedure %d' % proc)
            with send_lock:
                conn.sendall(packet(proc, REPLY, serial, result[0], result[1]))
            if proc == 313:
                # NETWORK_EVENT_LIFECYCLE for callback 7: fakenet started (event 2, detail 0)
                event = struct.pack('>i', 7) + network() + struct.pack('>ii', 2, 0)
                threading.Timer(0.3, lambda: send(conn, send_lock, packet(315, MESSAGE, 0, OK, event))).start()
    except (EOFError, OSError):
        pass
    finally:
        conn.close()


def send(conn, lock, data):
    try:
        with lock:
            conn.sendall(data)
    except OSError:
        pass


def main():
    path, log_path = sys.argv[1], sys.argv[2]
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    log = open(log_path, 'a')
    print('ready', flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=serve, args=(conn, log), daemon=True).start()


main()
