/**
 * Domain XML ↔ VirtualBox machine settings (vbox-driver.md §4, §5): the XML options the vbox
 * driver gives the neutral parser, the VBoxManage steps a definition becomes, and the
 * definition libvirt's dumpxml derives from a machine's settings. Pure functions, no processes.
 */
package org.virtd.vbox.mapping;
