/**
 * A systemd unit file as data: sections in the fixed order Unit, Service, Socket, Install, each an
 * ordered list of repeatable {@code Key=value} directives (spec/systemd-units.md §2). Parsing and
 * rendering live here; merging and substitution build on this model in sibling packages.
 */
package org.virtd.units.model;
