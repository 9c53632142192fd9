package dev.rackside.pvesim.internal.state;

/// The configured hardware of a guest: what its config file says, not what it is doing.
///
/// @param sockets      QEMU sockets (1 for containers)
/// @param cores        cores per socket (QEMU) or the container's core limit
/// @param memoryMiB    configured memory in MiB
/// @param swapMiB      container swap in MiB (0 for QEMU)
/// @param diskGiB      size of the boot disk / root filesystem
/// @param storage      storage of the boot disk (`local-lvm` or `ceph-vm`)
/// @param ostype       QEMU `ostype` (`l26`, `win11`, `other`) or LXC `ostype` (`debian`, ...)
/// @param mac          MAC address of `net0`, `BC:24:11:..` like PVE's generated ones
/// @param uuid         SMBIOS uuid (QEMU)
/// @param vmgenid      VM generation id (QEMU)
/// @param ctime        creation time in epoch seconds, as in `meta: ctime=`
/// @param creationQemu QEMU version at creation, as in `meta: creation-qemu=` (QEMU)
/// @param description  the config comment, or null
/// @param agent        guest agent enabled (`agent: 1`)
/// @param serial       has `serial0: socket`
/// @param onboot       starts on node boot
/// @param uefi         OVMF + q35 with EFI and TPM disks (the Windows 11 setup)
public record GuestSpec(int sockets, int cores, int memoryMiB, int swapMiB, int diskGiB, String storage,
                        String ostype, String mac, String uuid, String vmgenid, long ctime,
                        String creationQemu, String description, boolean agent, boolean serial,
                        boolean onboot, boolean uefi) {

    /// vCPUs as PVE counts them for `maxcpu` / `cpus` (sockets x cores).
    public int cpus() {
        return sockets * cores;
    }

    public long maxmemBytes() {
        return memoryMiB * 1024L * 1024L;
    }

    public long diskBytes() {
        return diskGiB * 1024L * 1024L * 1024L;
    }

    public boolean windows() {
        return ostype.startsWith("w");
    }
}
