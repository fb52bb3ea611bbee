/** Host facts the QEMU driver reports: node info, hostname, sysinfo, the capabilities document. */
package org.virtd.qemu.host;
