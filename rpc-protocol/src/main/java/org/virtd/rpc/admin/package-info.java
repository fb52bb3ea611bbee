/** The ADMIN program's declarations (admin_protocol.x, procedures.md §6); records in {@code types}. */
package org.virtd.rpc.admin;
