# Prints the DEVICE_ADDED and DEVICE_REMOVED events of a libvirt connection, one per line:
#   added NAME ALIAS   |   removed NAME ALIAS
# Uses python-libvirt's default event loop in a thread; runs until stdin closes or it is killed.
import sys, threading
import libvirt

libvirt.virEventRegisterDefaultImpl()

def loop():
    while True:
        libvirt.virEventRunDefaultImpl()

threading.Thread(target=loop, daemon=True).start()
conn = libvirt.open(sys.argv[1])

def added(c, dom, alias, opaque):
    print("added %s %s" % (dom.name(), alias), flush=True)

def removed(c, dom, alias, opaque):
    print("removed %s %s" % (dom.name(), alias), flush=True)

conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, added, None)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, removed, None)
print("ready", flush=True)
sys.stdin.read()
