/**
 * End-to-end tests of virtproxyd's own listeners: TCP and TLS from its config or from systemd's
 * {@code -tcp}/{@code -tls} sockets, driven by the real virsh, with certificates made by certtool
 * in the test (spec/daemons.md §11, §12).
 */
package org.virtd.it.proxy;
