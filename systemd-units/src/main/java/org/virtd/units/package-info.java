/**
 * The unit generator's entry point: renders the systemd units of every shipped daemon for a set of
 * install paths and writes them into a directory (run by the build for default paths and by
 * {@code install.sh} for the paths an administrator chose).
 */
package org.virtd.units;
