/**
 * End-to-end tests of the distribution: the tarball built by the dist module is installed with its
 * install.sh into a staging directory, the installed files and units are checked, and the installed
 * virtqemud is started under systemd-socket-activate with the sockets its units declare
 * (spec/systemd-units.md, spec/daemons.md §11).
 */
package org.virtd.it.units;
