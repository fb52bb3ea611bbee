# Prints every METADATA_CHANGE event of a libvirt connection, one per line:
#   metadata NAME TYPE NSURI
# Uses python-libvirt's default event loop in a thread; runs until stdin closes or it is killed.
import sys, threading
import libvirt

libvirt.virEventRegisterDefaultImpl()

def loop():
    while True:
        libvirt.virEventRunDefaultImpl()

threading.Thread(target=loop, daemon=True).start()
conn = libvirt.open(sys.argv[1])

def metadata(c, dom, mtype, nsuri, opaque):
    print("metadata %s %d %s" % (dom.name(), mtype, nsuri), flush=True)

conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, metadata, None)
print("ready", flush=True)
sys.stdin.read()
