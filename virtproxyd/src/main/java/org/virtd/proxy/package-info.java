/** virtproxyd: the entry point; URI routing in {@code .routing}, the forwarding itself in {@code core.forward}. */
package org.virtd.proxy;
