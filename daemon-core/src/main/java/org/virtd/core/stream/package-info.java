/** RPC streams: data on the serial of the call that opened them, both ways, with finish and abort. */
package org.virtd.core.stream;
