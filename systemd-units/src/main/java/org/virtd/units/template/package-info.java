/**
 * From templates to rendered units: which daemons exist and which templates and extras make up
 * each of their units, the install paths, and {@code @variable@} substitution
 * (spec/systemd-units.md §1–3).
 */
package org.virtd.units.template;
