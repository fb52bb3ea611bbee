# Prints every lifecycle and reboot event of a libvirt connection, one per line, as numbers:
#   lifecycle NAME EVENT DETAIL   |   reboot NAME
# Uses python-libvirt's default event loop in a thread; runs until stdin closes or it is killed.
import sys, threading
import libvirt

libvirt.virEventRegisterDefaultImpl()

def loop():
    while True:
        libvirt.virEventRunDefaultImpl()

threading.Thread(target=loop, daemon=True).start()
conn = libvirt.open(sys.argv[1])

def lifecycle(c, dom, event, detail, opaque):
    print("lifecycle %s %d %d" % (dom.name(), event, detail), flush=True)

def reboot(c, dom, opaque):
    print("reboot %s" % dom.name(), flush=True)

conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, None)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, reboot, None)
def blockjob(c, dom, path, kind, status, opaque):
    print("blockjob %s %s %d %d" % (dom.name(), path, kind, status), flush=True)
def blockjob2(c, dom, dst, kind, status, opaque):
    print("blockjob2 %s %s %d %d" % (dom.name(), dst, kind, status), flush=True)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB, blockjob, None)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, blockjob2, None)
print("ready", flush=True)
sys.stdin.read()
