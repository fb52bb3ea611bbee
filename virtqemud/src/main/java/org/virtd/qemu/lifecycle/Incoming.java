package org.virtd.qemu.lifecycle;

import java.time.Duration;

/**
 * A saved state a starting QEMU loads instead of booting (restore, start from a managed save):
 * the shell pipeline that feeds it, whether the guest is to run afterwards, and how long
 * loading may take.
 */
record Incoming(String pipeline, boolean run, Duration limit) {
}
