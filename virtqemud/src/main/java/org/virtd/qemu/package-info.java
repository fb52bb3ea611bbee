/** virtqemud's entry point. */
package org.virtd.qemu;
