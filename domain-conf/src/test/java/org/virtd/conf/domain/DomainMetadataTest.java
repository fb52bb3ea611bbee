package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code <metadata>} read, set, extracted and printed as libvirtd 9.0 does (outputs taken from it). */
class DomainMetadataTest {

    private static final DomainXmlParser PARSER = new DomainXmlParser(TestOptions.NEUTRAL);

    private static String domain(String metadata) {
        return "<domain type='qemu'>\n  <name>m</name>\n  <title>T1</title>\n" + metadata
                + "  <memory unit='MiB'>64</memory>\n  <os><type arch='x86_64'>hvm</type></os>\n</domain>\n";
    }

    private static String dumped(String xml) throws VirtException {
        String out = DomainXmlFormatter.format(PARSER.parse(xml, false), DomainXmlFormatter.Options.INACTIVE);
        int from = out.indexOf("  <metadata");
        return from < 0 ? null : out.substring(from, out.indexOf("  <memory"));
    }

    @Test
    void definedMetadataIsReindentedAndLosesElementsWithoutNamespaceAndDuplicates() throws VirtException {
        String xml = domain("""
                  <metadata>
                    <app1:foo xmlns:app1="http://app1.org/"   b='x'>
                      <app1:bar>1</app1:bar>
                      <app1:e></app1:e>
                      <other:q xmlns:other="http://other/"/>
                    </app1:foo>
                    <nons/>
                    <app2:thing xmlns:app2="http://app2.org/">t</app2:thing>
                    <app3:dup xmlns:app3="http://app1.org/">dup</app3:dup>
                  </metadata>
                """);
        assertEquals("""
                  <metadata>
                    <app1:foo xmlns:app1="http://app1.org/" b="x">
                      <app1:bar>1</app1:bar>
                      <app1:e/>
                      <other:q xmlns:other="http://other/"/>
                    </app1:foo>
                    <app2:thing xmlns:app2="http://app2.org/">t</app2:thing>
                  </metadata>
                """, dumped(xml));
        DomainMetadata md = PARSER.parse(xml, false).metadata();
        assertEquals("<foo b=\"x\">\n  <bar>1</bar>\n  <e/>\n  <other:q xmlns:other=\"http://other/\"/>\n</foo>",
                md.extract("http://app1.org/"));
        assertNull(md.extract("http://nothing/"));
    }

    @Test
    void blanksStayOnceAnElementHasText() throws VirtException {
        String xml = domain("""
                  <metadata>
                <app1:foo xmlns:app1="http://app1.org/" z='1' b='x'>
                 <app1:bar>1</app1:bar>   <app1:c>
                   </app1:c>
                   text <app1:d/>
                 <!-- comm --> </app1:foo>
                  </metadata>
                """);
        assertEquals("""
                  <metadata>
                    <app1:foo xmlns:app1="http://app1.org/" z="1" b="x"><app1:bar>1</app1:bar><app1:c>
                   </app1:c>
                   text <app1:d/>
                 <!-- comm --> </app1:foo>
                  </metadata>
                """, dumped(xml));
    }

    @Test
    void setFragmentsTakeTheNamespaceWhereTheyHaveNone() throws VirtException {
        DomainMetadata md = DomainMetadata.EMPTY
                .with(DomainMetadata.adopt("<foo a=\"1\"><bar>text</bar>  <baz/></foo>", "ex", "http://example.org/x"))
                .with(DomainMetadata.adopt("<u a='é'>ü€</u>", "uni", "http://uni/"))
                .with(DomainMetadata.adopt("<c><![CDATA[a<b]]><?pi x?><n xmlns='http://inner/'>i</n>"
                        + "<p:o xmlns:p='http://p/' p:at='1' at2='2'/></c>", "cd", "http://cd/"))
                .with(DomainMetadata.adopt("<z:a xmlns:z='http://zz/'><z:b/></z:a>", "k2", "http://k2/"));
        assertEquals("""
                <metadata>
                    <ex:foo xmlns:ex="http://example.org/x" a="1"><ex:bar>text</ex:bar>  <ex:baz/></ex:foo>
                    <uni:u xmlns:uni="http://uni/" a="&#xE9;">ü€</uni:u>
                    <cd:c xmlns:cd="http://cd/"><![CDATA[a<b]]><?pi x?><n xmlns="http://inner/">i</n>\
                <p:o xmlns:p="http://p/" p:at="1" at2="2"/></cd:c>
                    <z:a xmlns:z="http://zz/" xmlns:k2="http://k2/">
                      <z:b/>
                    </z:a>
                  </metadata>""", md.format(1));
        assertEquals("<foo a=\"1\"><bar>text</bar>  <baz/></foo>", md.extract("http://example.org/x"));
        assertEquals("<u a=\"&#xE9;\">ü€</u>", md.extract("http://uni/"));
        assertNull(md.extract("http://k2/"));
        assertEquals("<metadata/>", md.without("http://example.org/x").without("http://uni/").without("http://cd/")
                .without("http://zz/").format(1));
    }

    @Test
    void replacingAnElementMovesItLast() throws VirtException {
        DomainMetadata md = DomainMetadata.EMPTY.with(DomainMetadata.adopt("<a/>", "a", "http://a/"))
                .with(DomainMetadata.adopt("<b/>", "b", "http://b/"))
                .with(DomainMetadata.adopt("<a2/>", "a", "http://a/"));
        assertEquals("<metadata>\n  <b:b xmlns:b=\"http://b/\"/>\n  <a:a2 xmlns:a=\"http://a/\"/>\n</metadata>",
                md.format(0));
    }

    @Test
    void badFragmentsAndPrefixesFailAsInLibvirt() {
        VirtException empty = assertThrows(VirtException.class, () -> DomainMetadata.adopt("", "k", "http://u/"));
        assertEquals(ErrorCode.XML_DETAIL, empty.code());
        assertEquals("(metadata_xml):1: Document is empty\n(null)\n^", empty.error().detail());
        VirtException prefix = assertThrows(VirtException.class, () -> DomainMetadata.adopt("<a/>", "a:b", "http://u/"));
        assertEquals("internal error: failed to validate prefix for a new XML namespace", prefix.getMessage());
        assertThrows(VirtException.class, () -> DomainMetadata.adopt("<a/>", "1x", "http://u/"));
    }

    @Test
    void noMetadataElementMeansNone() throws VirtException {
        assertNull(PARSER.parse(domain(""), false).metadata());
        assertNull(dumped(domain("")));
    }
}
