package org.virtd.it.qemu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.DaemonExtension;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 4 with python-libvirt against the real virtqemud: each error case's code and domain as
 * {@code e.get_error_code()} sees them with a message naming the domain, listAllDomains with
 * every filter flag, undefineFlags with every flag, and DEFINED/UNDEFINED lifecycle events on a
 * {@code domainEventRegisterAny} callback served by the default event loop in a thread.
 * Each script prints {@code OK} when all its checks passed, else the failed check.
 */
class DomainConfigPythonTest {
    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    static final String PRELUDE = """
            import sys, threading, time, libvirt
            libvirt.registerErrorHandler(lambda c, e: None, None)
            uri = sys.argv[1]
            def xml(name, uuid=None, extra=''):
                u = '<uuid>%s</uuid>' % uuid if uuid else ''
                return ("<domain type='qemu'><name>%s</name>%s<memory>65536</memory>"
                        "<os><type>hvm</type></os>%s</domain>") % (name, u, extra)
            def fails(code, dom, fn, names=None):
                try:
                    fn()
                except libvirt.libvirtError as e:
                    got = (e.get_error_code(), e.get_error_domain())
                    if got != (code, dom):
                        raise SystemExit('expected %s got %s: %s' % ((code, dom), got, e))
                    if names and names not in str(e):
                        raise SystemExit('message does not name %r: %s' % (names, e))
                    return str(e)
                raise SystemExit('no error, expected %s' % code)
            """;

    private static void runScript(String body) throws Exception {
        Cli.Result r = Cli.python(PRELUDE + body + "\nprint('OK')\n", DAEMON.daemon().uri());
        assertEquals("OK", r.out().trim(), r.all() + "\n" + DAEMON.daemon().log());
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void errorCodesNameTheDomain() throws Exception {
        runScript("""
                c = libvirt.open(uri)
                d = c.defineXML(xml('e1'))
                u = d.UUIDString()
                Q, D, X = libvirt.VIR_FROM_QEMU, libvirt.VIR_FROM_DOMAIN, libvirt.VIR_FROM_XML
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: c.lookupByName('nosuch'), 'nosuch')
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: c.lookupByUUIDString('11111111-2222-3333-4444-555555555555'),
                      '11111111-2222-3333-4444-555555555555')
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: c.lookupByID(4242), '4242')
                fails(libvirt.VIR_ERR_OPERATION_FAILED, D, lambda: c.defineXML(xml('e1')), "domain 'e1' already exists")
                fails(libvirt.VIR_ERR_OPERATION_FAILED, D, lambda: c.defineXML(xml('e1', '11111111-2222-3333-4444-555555555555')), 'e1')
                fails(libvirt.VIR_ERR_OPERATION_FAILED, D, lambda: c.defineXML(xml('other', u)), "domain 'e1' is already defined")
                fails(libvirt.VIR_ERR_XML_DETAIL, D, lambda: c.defineXML("<domain type='qemu'><name>e2</name>"))
                fails(libvirt.VIR_ERR_NO_NAME, D, lambda: c.defineXML("<domain type='qemu'><memory>1</memory></domain>"))
                fails(libvirt.VIR_ERR_XML_INVALID_SCHEMA, X, lambda: c.defineXMLFlags(xml('e3', extra='<bogus/>'), 1))
                fails(libvirt.VIR_ERR_INVALID_ARG, Q, lambda: c.defineXMLFlags(xml('e3'), 2), 'qemuDomainDefineXMLFlags')
                fails(libvirt.VIR_ERR_OPERATION_INVALID, D, lambda: d.setMemoryFlags(1024, libvirt.VIR_DOMAIN_AFFECT_LIVE))
                fails(libvirt.VIR_ERR_OPERATION_INVALID, D, lambda: d.maxVcpus())
                fails(libvirt.VIR_ERR_INVALID_ARG, Q, lambda: d.setMemoryFlags(10**7, libvirt.VIR_DOMAIN_AFFECT_CONFIG))
                fails(libvirt.VIR_ERR_OPERATION_INVALID, Q, lambda: d.undefineFlags(
                      libvirt.VIR_DOMAIN_UNDEFINE_NVRAM | libvirt.VIR_DOMAIN_UNDEFINE_KEEP_NVRAM), 'nvram')
                if c.defineXMLFlags(xml('e3'), 0).name() != 'e3': raise SystemExit('e3')
                d.undefine()
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: d.undefine(), "'%s' (e1)" % u)
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: d.info(), 'e1')
                fails(libvirt.VIR_ERR_NO_DOMAIN, Q, lambda: d.setAutostart(1), 'e1')
                ro = libvirt.openReadOnly(uri)
                fails(libvirt.VIR_ERR_OPERATION_DENIED, D, lambda: ro.defineXML(xml('e4')))
                if ro.lookupByName('e3').name() != 'e3': raise SystemExit('ro lookup')
                """);
    }

    @Test
    void listAllDomainsEveryFlagAndUndefineFlags() throws Exception {
        runScript("""
                c = libvirt.open(uri)
                a = c.defineXML(xml('la'))
                b = c.defineXML(xml('lb'))
                a.setAutostart(1)
                if c.lookupByName('la').UUIDString() != a.UUIDString(): raise SystemExit('lookup')
                both, none = {'la', 'lb'}, set()
                expect = {
                    'ACTIVE': none, 'INACTIVE': both, 'PERSISTENT': both, 'TRANSIENT': none,
                    'RUNNING': none, 'PAUSED': none, 'SHUTOFF': both, 'OTHER': none,
                    'MANAGEDSAVE': none, 'NO_MANAGEDSAVE': both, 'AUTOSTART': {'la'}, 'NO_AUTOSTART': {'lb'},
                    'HAS_SNAPSHOT': none, 'NO_SNAPSHOT': both, 'HAS_CHECKPOINT': none, 'NO_CHECKPOINT': both}
                for name, want in expect.items():
                    flag = getattr(libvirt, 'VIR_CONNECT_LIST_DOMAINS_' + name)
                    got = {d.name() for d in c.listAllDomains(flag)} & both
                    if got != want: raise SystemExit('%s: %s != %s' % (name, got, want))
                if {d.name() for d in c.listAllDomains(0)} & both != both: raise SystemExit('flags 0')
                if {d.name() for d in c.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE
                        | libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE)} & both != both: raise SystemExit('or')
                if c.numOfDefinedDomains() < 2 or c.numOfDomains() != 0: raise SystemExit('num')
                if not both <= set(c.listDefinedDomains()) or c.listDomainsID() != []: raise SystemExit('legacy')
                a.undefine(); b.undefine()
                for flag in ['MANAGED_SAVE', 'SNAPSHOTS_METADATA', 'NVRAM', 'KEEP_NVRAM',
                             'CHECKPOINTS_METADATA', 'TPM', 'KEEP_TPM']:
                    d = c.defineXML(xml('u-' + flag.lower().replace('_', '-')))
                    d.setAutostart(1)
                    d.undefineFlags(getattr(libvirt, 'VIR_DOMAIN_UNDEFINE_' + flag))
                    fails(libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_FROM_QEMU, lambda: c.lookupByName(d.name()))
                """);
    }

    @Test
    void lifecycleEventsForDefineAndUndefine() throws Exception {
        runScript("""
                libvirt.virEventRegisterDefaultImpl()
                stop = False
                def loop():
                    while not stop:
                        libvirt.virEventRunDefaultImpl()
                threading.Thread(target=loop, daemon=True).start()
                seen = []
                done = threading.Event()
                def cb(conn, dom, event, detail, opaque):
                    seen.append((dom.name(), event, detail))
                    if len(seen) >= 3: done.set()
                c = libvirt.open(uri)
                cid = c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, cb, None)
                other = libvirt.open(uri)
                d = other.defineXML(xml('ev1'))
                other.defineXML(xml('ev1', d.UUIDString()))
                d.undefine()
                if not done.wait(20): raise SystemExit('events seen within 20 s: %s' % seen)
                want = [('ev1', libvirt.VIR_DOMAIN_EVENT_DEFINED, libvirt.VIR_DOMAIN_EVENT_DEFINED_ADDED),
                        ('ev1', libvirt.VIR_DOMAIN_EVENT_DEFINED, libvirt.VIR_DOMAIN_EVENT_DEFINED_UPDATED),
                        ('ev1', libvirt.VIR_DOMAIN_EVENT_UNDEFINED, libvirt.VIR_DOMAIN_EVENT_UNDEFINED_REMOVED)]
                if seen != want: raise SystemExit('events %s != %s' % (seen, want))
                c.domainEventDeregisterAny(cid)
                stop = True
                """);
    }
}
