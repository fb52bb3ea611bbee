/**
 * End-to-end tests of virtqemud's QEMU driver (issue 4: persistent domain definitions) with the
 * real daemon process and real clients: virsh, python-libvirt and the wire-level test client.
 */
package org.virtd.it.qemu;
