/**
 * The differential suite: scenarios written as data ({@code tests/diff/scenarios/*.scn}) run
 * against the real libvirtd 9.0 and against our virtqemud in one run, and their normalised
 * results must match (or be named, with a reason, in {@code tests/diff/allowed.tsv}).
 */
package org.virtd.it.diff;
