/** libvirt's error numbers, domains and the remote_error wire form; the one place codes map to text. */
package org.virtd.rpc.error;
