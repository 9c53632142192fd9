package dev.rackside.pvesim.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// Builds plausible PVE 9.1 hosts: real CPU models, RAM sizes as they appear after the kernel's
/// reservation, the installer's root LV and thin pool, and the 9.1 kernels.
final class NodeFactory {

    private record CpuClass(String model, int sockets, int coresPerSocket, int threadsPerCore, double mhz,
                            int[] memGiB, long[] diskGB) {
    }

    private static final CpuClass[] CLASSES = {
        new CpuClass("Intel(R) Xeon(R) E-2388G CPU @ 3.20GHz", 1, 8, 2, 3200, new int[] {64, 128},
                new long[] {480, 960}),
        new CpuClass("AMD EPYC 4344P 8-Core Processor", 1, 8, 2, 3800, new int[] {64, 128},
                new long[] {960, 1920}),
        new CpuClass("AMD EPYC 7313P 16-Core Processor", 1, 16, 2, 3000, new int[] {128, 256},
                new long[] {960, 1920}),
        new CpuClass("Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz", 2, 16, 2, 2400, new int[] {256, 384},
                new long[] {1920, 3840}),
        new CpuClass("AMD EPYC 7543P 32-Core Processor", 1, 32, 2, 2800, new int[] {256, 512},
                new long[] {1920, 3840}),
        new CpuClass("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 2, 32, 2, 2000, new int[] {512, 768},
                new long[] {1920, 3840}),
        new CpuClass("AMD EPYC 9354 32-Core Processor", 2, 32, 2, 3250, new int[] {768, 1024},
                new long[] {3840}),
        // SMT disabled on this one, which some HPC-minded admins do
        new CpuClass("AMD EPYC 9554 64-Core Processor", 2, 64, 1, 3100, new int[] {1024},
                new long[] {3840}),
    };

    // the 9.1 default kernel, and the 9.0 one on nodes not rebooted since the upgrade
    static final String KERNEL_NEW = "6.17.2-2-pve";
    static final String KERNEL_NEW_BUILD = "#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-2 (2025-11-26T12:33Z)";
    static final String KERNEL_OLD = "6.14.11-4-pve";
    static final String KERNEL_OLD_BUILD = "#1 SMP PREEMPT_DYNAMIC PMX 6.14.11-4 (2025-10-10T08:04Z)";

    private static final long GIB = 1024L * 1024 * 1024;

    private NodeFactory() {
    }

    static List<Node> create(int count, SplittableRandom rnd, Instant now) {
        List<Node> nodes = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            CpuClass c = CLASSES[rnd.nextInt(CLASSES.length)];
            int memGiB = c.memGiB()[rnd.nextInt(c.memGiB().length)];
            long diskGB = c.diskGB()[rnd.nextInt(c.diskGB().length)];
            // MemTotal is what is left after firmware and kernel reservations: about 98 %
            long memTotal = (long) (memGiB * GIB * (0.979 + rnd.nextDouble() * 0.004)) / 4096 * 4096;
            boolean zfsLike = rnd.nextInt(4) == 0;
            long swap = zfsLike ? 0 : 8 * GIB;
            // the installer's root LV: a quarter of the disk, at most 96 GiB (ext4 overhead shaves some)
            long rootfs = (long) (Math.min(diskGB * 1_000_000_000L / 4, 96 * GIB) * 0.984) / 4096 * 4096;
            long thin = (long) ((diskGB * 1_000_000_000L - rootfs - swap) * 0.86) / 4096 * 4096;
            boolean oldKernel = rnd.nextInt(5) == 0;
            long uptimeDays = oldKernel ? 25 + rnd.nextInt(35) : 2 + rnd.nextInt(18);
            Instant booted = now.minus(Duration.ofDays(uptimeDays)).minusSeconds(rnd.nextInt(86_400));
            double mhz = c.mhz() - rnd.nextInt(400) - rnd.nextInt(1000) / 1000.0;
            int hostPart = 10 + i;
            String ip = "10.10." + (hostPart / 256) + "." + (hostPart % 256);
            nodes.add(new Node("pve" + i, i, ip, true, null, c.model(), c.sockets(),
                    c.sockets() * c.coresPerSocket(), c.sockets() * c.coresPerSocket() * c.threadsPerCore(),
                    mhz, memTotal, swap, rootfs, thin, oldKernel ? KERNEL_OLD : KERNEL_NEW,
                    oldKernel ? KERNEL_OLD_BUILD : KERNEL_NEW_BUILD, rnd.nextInt(5) != 0, booted));
        }
        return nodes;
    }

    static String cpuFlags(String model) {
        String common = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush "
                + "mmx fxsr sse sse2 ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology "
                + "nonstop_tsc cpuid aperfmperf pni pclmulqdq monitor ssse3 fma cx16 pcid sse4_1 sse4_2 "
                + "x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault "
                + "fsgsbase bmi1 avx2 smep bmi2 erms invpcid rdseed adx smap clflushopt clwb sha_ni "
                + "xsaveopt xsavec xgetbv1 xsaves";
        if (model.startsWith("AMD")) {
            return common + " svm extapic cr8_legacy sse4a misalignsse topoext perfctr_core "
                    + "cpb hw_pstate ssbd ibrs ibpb stibp vmmcall clzero irperf xsaveerptr rdpru "
                    + "wbnoinvd amd_ppin arat npt lbrv svm_lock nrip_save tsc_scale vmcb_clean "
                    + "flushbyasid decodeassists pausefilter pfthreshold avic v_vmsave_vmload vgif "
                    + "umip pku ospke vaes vpclmulqdq rdpid overflow_recov succor smca";
        }
        return common + " vmx smx est tm2 pdcm dca tsc_deadline_timer arat pln pts hwp hwp_act_window "
                + "hwp_epp hwp_pkg_req tpr_shadow flexpriority ept vpid ept_ad avx512f avx512dq "
                + "avx512ifma avx512cd avx512bw avx512vl avx512vbmi umip pku ospke avx512_vbmi2 gfni "
                + "vaes vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq la57 rdpid md_clear "
                + "pconfig flush_l1d arch_capabilities";
    }
}
