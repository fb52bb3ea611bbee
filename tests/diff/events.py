# Records every domain event on $URI as one line each (event id name, domain, arguments), for
# scenarios with `events: domain`. Prints READY once registered; exits when stdin closes.
import os
import sys
import threading
import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(os.environ['URI'])


def recorder(name):
    def callback(conn, dom, *args):
        print(name, dom.name(), *[repr(a) for a in args[:-1]], flush=True)
    return callback


for attr in sorted(dir(libvirt)):
    if attr.startswith('VIR_DOMAIN_EVENT_ID_') and attr != 'VIR_DOMAIN_EVENT_ID_LAST':
        try:
            conn.domainEventRegisterAny(None, getattr(libvirt, attr), recorder(attr[20:]), None)
        except libvirt.libvirtError as e:
            print('register', attr[20:], 'failed:', e.get_error_message(), flush=True)
print('READY', flush=True)


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()
sys.stdin.read()
