package org.virtd.vbox.manage;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The error table over stderr as VirtualBox 7.0.18 (the stand-in's README §5.5, §7.1) prints it. */
class ManageErrorsTest {

    private static VirtException map(int exit, String stderr) {
        return ManageErrors.toException(new Output(List.of("x"), exit, "", stderr));
    }

    @Test
    void unknownMachineIsNoDomain() {
        VirtException e = map(1, """
                VBoxManage: error: Could not find a registered machine named 'nosuch'
                VBoxManage: error: Details: code VBOX_E_OBJECT_NOT_FOUND (0x80bb0001), component VirtualBoxWrap, interface IVirtualBox, callee nsISupports
                VBoxManage: error: Context: "FindMachine(Bstr(VMNameOrUuid).raw(), machine.asOutParam())" at line 3138 of file VBoxManageInfo.cpp
                """);
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertEquals(ErrorDomain.VBOX, e.error().domain());
        assertEquals("Domain not found: Could not find a registered machine named 'nosuch'", e.getMessage());
    }

    @Test
    void unknownSnapshotIsNoDomainSnapshot() {
        VirtException e = map(1, """
                VBoxManage: error: Could not find a snapshot named 'nosuch'
                VBoxManage: error: Details: code VBOX_E_OBJECT_NOT_FOUND (0x80bb0001), component SessionMachine, interface IMachine, callee nsISupports
                VBoxManage: error: Context: "FindSnapshot(Bstr(a->argv[2]).raw(), pSnapshot.asOutParam())" at line 537 of file VBoxManageSnapshot.cpp
                """);
        assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT, e.code());
        assertEquals("Domain snapshot not found: Could not find a snapshot named 'nosuch'", e.getMessage());
    }

    @Test
    void invalidStateIsOperationInvalid() {
        assertEquals(ErrorCode.OPERATION_INVALID,
                map(1, "VBoxManage: error: Machine 'web1' is not currently running.\n").code());
        assertEquals(ErrorCode.OPERATION_INVALID, map(1, """
                VBoxManage: error: Already paused
                VBoxManage: error: Details: code VBOX_E_INVALID_VM_STATE (0x80bb0002), component ConsoleWrap, interface IConsole, callee nsISupports
                """).code());
    }

    @Test
    void lockedSessionIsOperationFailedWithVirtualBoxText() {
        VirtException e = map(1, """
                VBoxManage: error: The machine 'web1' is already locked for a session (or being unlocked)
                VBoxManage: error: Details: code VBOX_E_INVALID_OBJECT_STATE (0x80bb0007), component MachineWrap, interface IMachine, callee nsISupports
                VBoxManage: error: Context: "LockMachine(a->session, LockType_Write)" at line 640 of file VBoxManageModifyVM.cpp
                """);
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertEquals("operation failed: The machine 'web1' is already locked for a session (or being unlocked)",
                e.getMessage());
    }

    @Test
    void comFailureIsInternalError() {
        VirtException e = map(1, """
                VBoxManage: error: Failed to create the VirtualBox object!
                VBoxManage: error: Code NS_ERROR_SOCKET_FAIL (0xC1F30200) - IPC daemon socket error (extended info not available)
                VBoxManage: error: Most likely, the VirtualBox COM server is not running or failed to start.
                """);
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
    }

    @Test
    void multiLineFailuresKeepEveryMessageLine() {
        VirtException e = map(1, """
                0%...VBOX_E_VM_ERROR
                VBoxManage: error: Failed to power off machine.
                VBoxManage: error: Could not power off the machine. (Error: VERR_VM_INVALID_VM_STATE)
                VBoxManage: error: Details: code VBOX_E_VM_ERROR (0x80bb0003), component ConsoleWrap, interface IConsole, callee nsISupports
                """);
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertEquals("operation failed: Failed to power off machine. Could not power off the machine. "
                + "(Error: VERR_VM_INVALID_VM_STATE)", e.getMessage());
    }

    @Test
    void usageErrorIsOurs() {
        assertEquals(ErrorCode.INTERNAL_ERROR, map(2, "VBoxManage: error: Unknown option: --bogus\n").code());
        assertEquals("VBoxManage x exited with status 1", ManageErrors.message(new Output(List.of("x"), 1, "", "")));
    }
}
