package org.virtd.qemu.blockjob;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.QemuXmlConf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block job and backup parts of status files libvirtd 9.0 wrote (a commit of the middle of
 * three images, a ready copy, a pull backup; the qemuCaps left out): read back into our jobs,
 * and formatted again from them, they come out as libvirtd wrote them.
 */
class StatusXmlCompatTest {

    @Test
    void aCommitIsReadWithItsNodesAndWrittenAsLibvirtdDoes() throws Exception {
        String status = resource("libvirtd-status-commit.xml");
        DomainDef live = live(status);
        List<BlockJob> jobs = BlockJobStatus.parse(status, live);
        assertEquals(1, jobs.size());
        BlockJob j = jobs.get(0);
        assertEquals("commit-vda-libvirt-2-format", j.name);
        assertEquals(BlockJobType.COMMIT, j.type);
        assertEquals(2, j.top);
        assertEquals(3, j.base);
        assertEquals(BlockJob.State.RUNNING, j.state);
        assertEquals(section(status, "blockjobs"), BlockJobStatus.format(jobs, live, ""));
    }

    @Test
    void aReadyCopyIsReadWithItsMirrorAndWrittenAsLibvirtdDoes() throws Exception {
        String status = resource("libvirtd-status-copy.xml");
        DomainDef live = live(status);
        List<BlockJob> jobs = BlockJobStatus.parse(status, live);
        assertEquals(1, jobs.size());
        BlockJob j = jobs.get(0);
        assertEquals(BlockJobType.COPY, j.type);
        assertEquals(BlockJob.State.READY, j.state);
        assertEquals(4, j.flags);
        assertTrue(j.mirror > 0, "the copy's image number comes from the disk's mirror");
        assertEquals(section(status, "blockjobs"), BlockJobStatus.format(jobs, live, ""));
    }

    @Test
    void aPullBackupIsReadAndItsRecordIsWrittenAsLibvirtdDoes() throws Exception {
        String status = resource("libvirtd-status-pull.xml");
        DomainDef live = live(status);
        assertTrue(BlockJobStatus.parse(status, live).isEmpty(), "a backup's jobs are the backup's");
        BackupStatus.Recovered r = BackupStatus.parse(status);
        assertNotNull(r);
        assertTrue(r.def().pull());
        assertEquals("/tmp/bkr/nbd.sock", r.def().server().socket());
        assertEquals(List.of("vda"), r.order());
        BackupStatus.Store store = r.stores().get(0);
        assertEquals("backup-vda-libvirt-1-format", store.job());
        BackupXml.Asked a = r.def().disks().get(0);
        String entry = BlockJobStatus.backupEntry(store.job(), "vda", a.format(), a.file(), store.index());
        assertEquals(section(status, "blockjobs"), BlockJobStatus.format(List.of(), live, entry));
        String doc = BackupXml.format(r.def().mode(), null, r.def().server(), List.of(new BackupXml.Disk("vda", true,
                a.mode(), null, null, null, store.index(), a.format(), a.file())), "running");
        StringBuilder backups = new StringBuilder("  <backups>\n");
        doc.lines().forEach(l -> backups.append("    ").append(l).append('\n'));
        assertEquals(section(status, "backups"), backups.append("  </backups>\n").toString());
    }

    private static DomainDef live(String status) throws Exception {
        int at = status.indexOf("<domain ");
        return QemuXmlConf.PARSER.parseStatus(status.substring(at, status.lastIndexOf("</domstatus>")), "bkr1");
    }

    /** The lines of element {@code tag} directly under {@code <domstatus>}. */
    private static String section(String status, String tag) {
        int start = status.indexOf("\n  <" + tag) + 1;
        int end = status.indexOf("\n  </" + tag + ">", start);
        return status.substring(start, end + ("\n  </" + tag + ">").length()) + "\n";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StatusXmlCompatTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
