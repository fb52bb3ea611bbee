/** The QEMU driver: URIs, the driver object, and handler bindings grouped by concept. */
package org.virtd.qemu.driver;
