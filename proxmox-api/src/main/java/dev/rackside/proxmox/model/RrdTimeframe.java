package dev.rackside.proxmox.model;

/// The `timeframe` of the rrddata endpoints. `DECADE` exists for nodes on PVE 9 only.
public enum RrdTimeframe {
    HOUR("hour"), DAY("day"), WEEK("week"), MONTH("month"), YEAR("year"), DECADE("decade");

    private final String wire;

    RrdTimeframe(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
