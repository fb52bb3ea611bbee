/** virtvboxd: the entry point; the VirtualBox driver comes in {@code .driver}, {@code .manage}, {@code .mapping}. */
package org.virtd.vbox;
