/** Reading the small XML documents of checkpoints and backups, and the per-domain metadata files of snapshots and checkpoints. */
package org.virtd.qemu.xml;
