# An event client as event tools write them: on connect it registers network, storage pool,
# node device and secret callbacks, then domain lifecycle callbacks; it prints "ready", then one
# line per event received, and on stdin EOF deregisters everything and prints "deregistered".
import sys
import threading
import libvirt

libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])


def out(line):
    print(line, flush=True)


def on_network(c, net, event, detail, opaque):
    out('network %s %d %d' % (net.name(), event, detail))


def on_domain(c, dom, event, detail, opaque):
    out('domain %s %d %d' % (dom.name(), event, detail))


ids = {
    'network': conn.networkEventRegisterAny(None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, on_network, None),
    'pool': conn.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                             lambda *a: out('pool'), None),
    'pool-refresh': conn.storagePoolEventRegisterAny(None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                                     lambda *a: out('pool refresh'), None),
    'nodedev': conn.nodeDeviceEventRegisterAny(None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                               lambda *a: out('nodedev'), None),
    'nodedev-update': conn.nodeDeviceEventRegisterAny(None, libvirt.VIR_NODE_DEVICE_EVENT_ID_UPDATE,
                                                      lambda *a: out('nodedev update'), None),
    'secret': conn.secretEventRegisterAny(None, libvirt.VIR_SECRET_EVENT_ID_LIFECYCLE,
                                          lambda *a: out('secret'), None),
    'secret-value': conn.secretEventRegisterAny(None, libvirt.VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                                                lambda *a: out('secret value'), None),
}
domain_id = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_domain, None)
done = threading.Event()


def wait_for_eof():
    sys.stdin.read()
    done.set()


threading.Thread(target=wait_for_eof, daemon=True).start()
out('ready')
while not done.is_set():
    libvirt.virEventRunDefaultImpl()  # the keepalive timer wakes it at least every few seconds
conn.networkEventDeregisterAny(ids['network'])
conn.storagePoolEventDeregisterAny(ids['pool'])
conn.storagePoolEventDeregisterAny(ids['pool-refresh'])
conn.nodeDeviceEventDeregisterAny(ids['nodedev'])
conn.nodeDeviceEventDeregisterAny(ids['nodedev-update'])
conn.secretEventDeregisterAny(ids['secret'])
conn.secretEventDeregisterAny(ids['secret-value'])
conn.domainEventDeregisterAny(domain_id)
out('deregistered')
conn.close()
