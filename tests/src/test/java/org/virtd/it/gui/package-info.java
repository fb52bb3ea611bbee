/**
 * virt-manager, the GUI most people manage QEMU hosts with, run for real under Xvfb against our
 * virtqemud and against libvirtd 9.0: its console must show the guest's screen and its log must
 * have no error libvirtd's run does not have too.
 */
package org.virtd.it.gui;
