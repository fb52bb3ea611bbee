/**
 * Answers for the secondary drivers (network, storage, interface, node device, nwfilter, secret)
 * that a hypervisor daemon does not host: the empty listings clients ask for after connecting,
 * bound onto the driver SPI's {@link org.virtd.core.driver.HandlerTable}.
 */
package org.virtd.conf.secondary;
