/** virtproxyd's routing: which modular daemon's socket serves a client's URI (client-handshake.md §6). */
package org.virtd.proxy.routing;
