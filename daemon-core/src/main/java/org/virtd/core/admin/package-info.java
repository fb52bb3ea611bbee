/** The ADMIN program: what virt-admin can see and change in a running daemon. */
package org.virtd.core.admin;
