/** The LXC program's declaration (lxc_protocol.x); declared so that its call gets libvirt's answers. */
package org.virtd.rpc.lxc;
