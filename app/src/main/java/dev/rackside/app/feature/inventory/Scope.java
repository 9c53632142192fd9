package dev.rackside.app.feature.inventory;

/// The part of the resource tree the operator selected; the guest table shows only what lies inside.
public sealed interface Scope {

    /// Whether `row` lies inside this scope.
    boolean contains(GuestRow row);

    /// Every guest of every connected cluster.
    record All() implements Scope {
        @Override
        public boolean contains(GuestRow row) {
            return true;
        }
    }

    /// One datacenter.
    record Cluster(String clusterId) implements Scope {
        @Override
        public boolean contains(GuestRow row) {
            return row.clusterId().equals(clusterId);
        }
    }

    /// The guests of one node.
    record OnNode(String clusterId, String node) implements Scope {
        @Override
        public boolean contains(GuestRow row) {
            return row.clusterId().equals(clusterId) && row.nodeProperty().get().equals(node);
        }
    }

    /// The members of one resource pool.
    record InPool(String clusterId, String pool) implements Scope {
        @Override
        public boolean contains(GuestRow row) {
            return row.clusterId().equals(clusterId) && row.poolProperty().get().equals(pool);
        }
    }

    Scope ALL = new All();
}
