/**
 * A small D-Bus client for the system bus, enough for what libvirt asks of it (systemd-machined):
 * the bus address, SASL EXTERNAL, the wire format for the signatures in use, and method calls
 * answered by their reply or error. No signals, no objects of our own, no file descriptors.
 */
package org.virtd.core.dbus;
