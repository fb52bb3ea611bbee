/** The daemon-wide event callback registry: registration, id allocation and fan-out to clients. */
package org.virtd.core.event;
