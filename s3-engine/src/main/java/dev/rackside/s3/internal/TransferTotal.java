package dev.rackside.s3.internal;

import dev.rackside.s3.TransferProgress;
import dev.rackside.s3.TransferState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/// All of an engine's transfers as one: bytes done of all, the summed rate, "running" while any
/// of them is queued or running, and the time left for those (paused and failed ones wait for
/// someone, so their bytes are not in it).
final class TransferTotal {
    private TransferTotal() {
    }

    static TransferProgress of(List<TransferTask> tasks) {
        long done = 0;
        long total = 0;
        long remaining = 0;
        double rate = 0;
        boolean active = false;
        for (TransferTask t : tasks) {
            TransferProgress p = t.progress();
            done += p.transferredBytes();
            total += Math.max(0, p.totalBytes());
            if (p.state().active()) { // a paused one's rate lingers for a few seconds: only running ones count
                active = true;
                rate += p.bytesPerSecond();
                remaining += Math.max(0, p.totalBytes() - p.transferredBytes());
            }
        }
        Optional<Duration> eta = rate > 0 && active ? Optional.of(Duration.ofMillis((long) (remaining * 1000 / rate))) : Optional.empty();
        return new TransferProgress("total", tasks.size() + " transfers", active ? TransferState.RUNNING : TransferState.COMPLETED,
                done, total, rate, eta);
    }
}
