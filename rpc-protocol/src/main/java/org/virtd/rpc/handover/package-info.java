/**
 * virtd-java's own HANDOVER program, spoken only between virtproxyd and the daemons of this
 * project: it moves a proxied client's connection to the daemon that serves it, so its calls stop
 * crossing the proxy. libvirt's daemons do not know it and answer "Cannot find program", after
 * which the proxy simply keeps forwarding.
 */
package org.virtd.rpc.handover;
