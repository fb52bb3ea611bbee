/** XDR codecs: primitives, combinators and struct composition over Netty buffers. */
package org.virtd.rpc.xdr;
