# Prints every BALLOON_CHANGE event of domain NAME (its new size in KiB, one a line) until
# killed: balloon_events.py URI NAME. Prints "ready" once the callback is registered.
import sys, threading, libvirt
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])
def on_change(conn, dom, actual, opaque):
    print(actual, flush=True)
conn.domainEventRegisterAny(conn.lookupByName(sys.argv[2]), libvirt.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE,
                            on_change, None)
print("ready", flush=True)
while True:
    libvirt.virEventRunDefaultImpl()
