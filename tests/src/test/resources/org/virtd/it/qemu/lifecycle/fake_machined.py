#!/usr/bin/python3
"""A stand-in for systemd-machined (and the bit of systemd's manager libvirt calls) on a private bus.

Usage: fake_machined.py BUS_ADDRESS RECORD_FILE CGROUP_ROOT

Owns org.freedesktop.machine1 and org.freedesktop.systemd1, writes every method call it gets to
RECORD_FILE as one JSON line (interface, member, path, arguments), and acts like machined on the
cgroupfs: CreateMachine[WithNetwork] makes SLICE/machine-ESCAPED.scope in every hierarchy under
CGROUP_ROOT and moves the leader into it; TerminateMachine kills what is left in the scope and
removes it. Prints READY once both names are owned; exits on SIGTERM, removing its scopes.
"""
import json
import os
import signal
import sys
import threading
import time

from gi.repository import Gio, GLib

MACHINE1 = "org.freedesktop.machine1"
SYSTEMD1 = "org.freedesktop.systemd1"
address, record_file, cgroup_root = sys.argv[1:4]
machines = {}  # name -> {"leader", "scope_path", "object"}
lock = threading.Lock()


def unit_escape(s):
    out = []
    for i, ch in enumerate(s):
        if ch == "/":
            out.append("-")
        elif ch.isascii() and (ch.isalnum() or ch in ":_." ) and not (i == 0 and ch == "."):
            out.append(ch)
        else:
            out.extend("\\x%02x" % b for b in ch.encode())
    return "".join(out)


def bus_label(s):
    return "".join(ch if ch.isascii() and ch.isalnum() else "_%02x" % ord(ch) for ch in s)


def slice_path(slice_name):
    parts = slice_name[: -len(".slice")].split("-")
    return "/".join("-".join(parts[: i + 1]) + ".slice" for i in range(len(parts)))


def hierarchies():
    out = []
    for d in sorted(os.listdir(cgroup_root)):
        p = os.path.join(cgroup_root, d)
        if os.path.isfile(os.path.join(p, "cgroup.procs")):
            out.append(p)
    return out


def plain(v):
    if isinstance(v, (bytes, bytearray)):
        return list(v)
    if isinstance(v, GLib.Variant):
        return plain(v.unpack())
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


def record(msg):
    body = msg.get_body()
    args = plain(body) if body is not None else []
    line = {"interface": msg.get_interface(), "member": msg.get_member(), "path": msg.get_path(),
            "signature": msg.get_signature(), "args": args}
    with lock, open(record_file, "a") as f:
        f.write(json.dumps(line) + "\n")


def make_scope(rel, leader):
    for h in hierarchies():
        cur = h
        for comp in rel.split("/"):
            parent, cur = cur, os.path.join(cur, comp)
            if not os.path.isdir(cur):
                os.mkdir(cur)
                for f in ("cpuset.cpus", "cpuset.mems"):  # a v1 cpuset group starts empty
                    src = os.path.join(parent, f)
                    if os.path.exists(src):
                        with open(src) as s, open(os.path.join(cur, f), "w") as d:
                            d.write(s.read().strip() or "\n")
        with open(os.path.join(cur, "cgroup.procs"), "w") as f:
            f.write(str(leader))


def remove_scope(rel, wait=5.0):
    deadline = time.monotonic() + wait
    for h in hierarchies():
        top = os.path.join(h, rel)
        while os.path.isdir(top):
            for dirpath, dirs, _ in os.walk(top, topdown=False):
                try:
                    with open(os.path.join(dirpath, "cgroup.procs")) as f:
                        for pid in f.read().split():
                            try:
                                os.kill(int(pid), signal.SIGKILL)
                            except OSError:
                                pass
                    os.rmdir(dirpath)
                except OSError:
                    pass
            if time.monotonic() > deadline:
                break
            if os.path.isdir(top):
                time.sleep(0.05)
        try:
            # the slice too, as systemd drops an empty one: a host without systemd keeps no trace
            os.rmdir(os.path.dirname(top))
        except OSError:
            pass


def create(args, with_network):
    if with_network:
        name, uuid, service, klass, leader, root, nics, props = args
    else:
        name, uuid, service, klass, leader, root, props = args
    slice_name = dict((k, v) for k, v in props).get("Slice") or "machine.slice"
    scope = "machine-" + unit_escape(name) + ".scope"
    rel = slice_path(slice_name) + "/" + scope
    with lock:
        if name in machines:
            raise KeyError(name)
        obj = "/org/freedesktop/machine1/machine/" + bus_label(name)
        machines[name] = {"leader": leader, "rel": rel, "scope": scope, "object": obj}
    make_scope(rel, leader)
    return GLib.Variant("(o)", (obj,))


def handle(conn, msg):
    member, iface, args = msg.get_member(), msg.get_interface(), plain(msg.get_body() or GLib.Variant("()", ()))
    try:
        if member in ("CreateMachineWithNetwork", "CreateMachine"):
            try:
                return create(args, member == "CreateMachineWithNetwork")
            except KeyError:
                return ("org.freedesktop.machine1.MachineExists", "Machine '%s' already exists" % args[0])
        if member == "TerminateMachine":
            with lock:
                m = machines.pop(args[0], None)
            if m is None:
                return ("org.freedesktop.machine1.NoSuchMachine", "No machine '%s' known" % args[0])
            threading.Thread(target=remove_scope, args=(m["rel"],), daemon=True).start()
            return None
        if member == "GetMachineByPID":
            with lock:
                for m in machines.values():
                    if m["leader"] == args[0]:
                        return GLib.Variant("(o)", (m["object"],))
            return ("org.freedesktop.machine1.NoMachineForPID", "PID %d does not belong to any known machine" % args[0])
        if member == "Get" and iface == "org.freedesktop.DBus.Properties":
            with lock:
                for name, m in machines.items():
                    if m["object"] == msg.get_path():
                        value = {"Name": GLib.Variant("s", name), "Unit": GLib.Variant("s", m["scope"])}.get(args[1])
                        if value is not None:
                            return GLib.Variant("(v)", (value,))
            return ("org.freedesktop.DBus.Error.UnknownProperty", "no property %s" % args[1])
        if member == "SetUnitProperties":
            return None
        return ("org.freedesktop.DBus.Error.UnknownMethod", "Unknown method %s" % member)
    except Exception as e:  # a broken fake must answer, not hang its caller
        return ("org.freedesktop.DBus.Error.Failed", repr(e))


def on_message(conn, msg, incoming):
    if not incoming or msg.get_message_type() != Gio.DBusMessageType.METHOD_CALL:
        return msg
    if msg.get_destination() not in (MACHINE1, SYSTEMD1):
        return msg
    record(msg)
    out = handle(conn, msg)
    if isinstance(out, tuple):
        reply = Gio.DBusMessage.new_method_error_literal(msg, out[0], out[1])
    else:
        reply = Gio.DBusMessage.new_method_reply(msg)
        if out is not None:
            reply.set_body(out)
    conn.send_message(reply, Gio.DBusSendMessageFlags.NONE)
    return None


def main():
    flags = Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION
    conn = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
    conn.add_filter(on_message)
    for name in (MACHINE1, SYSTEMD1):
        r = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
                           GLib.Variant("(su)", (name, 4)), GLib.VariantType("(u)"), 0, 5000, None)
        if r.unpack()[0] != 1:
            print("could not own " + name, flush=True)
            sys.exit(1)
    loop = GLib.MainLoop()

    def stop(*_):
        with lock:
            rels = [m["rel"] for m in machines.values()]
            machines.clear()
        for rel in rels:
            remove_scope(rel, 2.0)
        loop.quit()
        return False

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop)
    print("READY", flush=True)
    loop.run()


main()
