package dev.rackside.app.feature.inventory;

/// A resource pool of one cluster; pools carry no state the inventory shows, so this is a value.
public record PoolRef(String clusterId, String pool) {
}
