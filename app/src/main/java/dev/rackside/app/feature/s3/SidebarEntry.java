package dev.rackside.app.feature.s3;

/// A line of the sidebar: an endpoint heading, or one of its buckets.
public sealed interface SidebarEntry {

    S3Session session();

    /// An endpoint; `problem` is the operator message when its buckets could not be listed.
    record Endpoint(S3Session session, String problem) implements SidebarEntry {
    }

    record Bucket(S3Session session, String name) implements SidebarEntry {
    }
}
