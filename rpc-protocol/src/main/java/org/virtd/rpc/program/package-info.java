/** Programs and procedure declarations: the tables the dispatcher, proxy and clients read. */
package org.virtd.rpc.program;
