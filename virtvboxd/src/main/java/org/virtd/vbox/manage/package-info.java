/**
 * VBoxManage as the driver reaches VirtualBox (vbox-driver.md §6): one gateway that runs it with
 * argument lists and a timeout, one table that turns its exit status and stderr into libvirt
 * errors, and tolerant parsers for its {@code --machinereadable} and {@code list} output.
 * Knows nothing of libvirt calls or domain XML.
 */
package org.virtd.vbox.manage;
