# Prints the backup events of a libvirt connection, one per line:
#   blockjob2 NAME DST TYPE STATUS   |   jobcompleted NAME OPERATION SUCCESS ERRMSG
# Uses python-libvirt's default event loop in a thread; runs until stdin closes or it is killed.
import sys, threading
import libvirt

libvirt.virEventRegisterDefaultImpl()

def loop():
    while True:
        libvirt.virEventRunDefaultImpl()

threading.Thread(target=loop, daemon=True).start()
conn = libvirt.open(sys.argv[1])

def blockjob2(c, dom, dst, kind, status, opaque):
    print("blockjob2 %s %s %d %d" % (dom.name(), dst, kind, status), flush=True)

def jobcompleted(c, dom, params, opaque):
    print("jobcompleted %s %s %s %s" % (dom.name(), params.get("operation"), params.get("success"),
                                         params.get("errmsg", "-").replace(" ", "_")), flush=True)

conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, blockjob2, None)
conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, jobcompleted, None)
print("ready", flush=True)
sys.stdin.read()
