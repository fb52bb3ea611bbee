/** virtproxyd: the entry point; URI routing and forwarding come in {@code .routing} and {@code core.forward}. */
package org.virtd.proxy;
