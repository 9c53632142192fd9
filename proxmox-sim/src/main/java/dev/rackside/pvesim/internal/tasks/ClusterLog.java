package dev.rackside.pvesim.internal.tasks;

import dev.rackside.pvesim.SimClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/// pmxcfs's in-memory cluster log: a ring buffer, read newest first.
public final class ClusterLog {
    /// @param pri syslog priority (6 = info)
    public record Entry(long uid, long time, int pri, String tag, long pid, String node, String user, String msg) {
        /// PVE's id is the uid and the node, which makes it unique across the cluster.
        public String id() {
            return uid + ":" + node;
        }
    }

    private static final int CAPACITY = 2000;
    private final SimClock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextUid = 1;

    public ClusterLog(SimClock clock) {
        this.clock = clock;
    }

    public synchronized void add(String node, String user, String tag, int pri, String msg) {
        entries.addFirst(new Entry(nextUid++, clock.epochSecond(), pri, tag, 1000 + nextUid % 30000, node, user, msg));
        if (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    public synchronized List<Entry> newest(int max) {
        List<Entry> out = new ArrayList<>(Math.min(max, entries.size()));
        Iterator<Entry> it = entries.iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
        }
        return out;
    }
}
