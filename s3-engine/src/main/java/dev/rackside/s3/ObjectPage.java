package dev.rackside.s3;

import java.util.List;

/// One page of a listing: "folders" (common prefixes, when listing with the `/` delimiter) and
/// objects. A listing is a lazy sequence of pages, so a bucket is never held in memory whole.
public record ObjectPage(String prefix, List<String> folders, List<ObjectInfo> objects, boolean truncated) {
    public ObjectPage {
        folders = List.copyOf(folders);
        objects = List.copyOf(objects);
    }
}
