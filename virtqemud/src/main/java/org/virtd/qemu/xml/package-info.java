/** Reading the small XML documents of checkpoints and backups. */
package org.virtd.qemu.xml;
