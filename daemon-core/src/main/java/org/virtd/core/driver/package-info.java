/**
 * The driver SPI: how a hypervisor driver plugs into a daemon. Imports no Netty and no other
 * core package, so drivers are tested by binding handlers into a table and calling them.
 */
package org.virtd.core.driver;
