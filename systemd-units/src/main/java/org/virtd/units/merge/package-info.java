/**
 * The unit-aware merge of a base template with extra snippets (libvirt's merge of
 * {@code virtd.service.in} with per-daemon {@code *.extra.in}, spec/systemd-units.md §2).
 */
package org.virtd.units.merge;
