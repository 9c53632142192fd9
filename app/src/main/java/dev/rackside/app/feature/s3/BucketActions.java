package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Background;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// What the operator can do with a bucket beyond creating and deleting it: turn versioning on or
/// suspend it, and clean up its incomplete uploads. The versioning state shown is the one last read for the bucket the menu was opened on.
public final class BucketActions {
    /// A bucket's versioning as last read; `UNKNOWN` while reading or when it could not be read.
    public enum Versioning { UNKNOWN, ENABLED, OFF }

    private final Background background;
    private final Notifier notifier;
    private final Messages text = Messages.of(BucketActions.class);
    private final ReadOnlyObjectWrapper<Versioning> versioning = new ReadOnlyObjectWrapper<>(Versioning.UNKNOWN);
    private String checked;

    BucketActions(Background background, Notifier notifier) {
        this.background = background;
        this.notifier = notifier;
    }

    public ReadOnlyObjectProperty<Versioning> versioningProperty() {
        return versioning.getReadOnlyProperty();
    }

    /// The incomplete uploads of `bucket`, for a dialog to list and abort.
    public IncompleteUploadsViewModel incompleteUploads(S3Session s, String bucket) {
        return new IncompleteUploadsViewModel(s, bucket, background, notifier);
    }

    /// Reads whether versioning is enabled on `bucket` (the menu calls it as it opens).
    public void checkVersioning(S3Session s, String bucket) {
        String id = s.id() + "/" + bucket;
        checked = id;
        versioning.set(Versioning.UNKNOWN);
        background.submit(() -> s.engine().versioningEnabled(bucket), enabled -> {
            if (id.equals(checked)) {
                versioning.set(enabled ? Versioning.ENABLED : Versioning.OFF);
            }
        }, failure -> Failures.report(notifier, text, failure));
    }

    /// Back to `UNKNOWN`: the menu opened on something that is no bucket.
    public void forgetVersioning() {
        checked = null;
        versioning.set(Versioning.UNKNOWN);
    }

    /// Enables versioning when it is off, suspends it when it is on, once the operator confirmed.
    /// The state is read again first: another tool may have changed it since the menu opened.
    public void toggleVersioning(S3Session s, String bucket, S3Prompts prompts) {
        background.submit(() -> s.engine().versioningEnabled(bucket), enabled -> {
            if (!prompts.confirmVersioning(bucket, !enabled)) {
                return;
            }
            background.submit(() -> {
                s.engine().setVersioning(bucket, !enabled);
                return s.engine().versioningEnabled(bucket);
            }, now -> {
                versioning.set(now ? Versioning.ENABLED : Versioning.OFF);
                notifier.info(text.get(now ? "versioning.enabled" : "versioning.suspended", bucket));
            }, failure -> Failures.report(notifier, text, failure));
        }, failure -> Failures.report(notifier, text, failure));
    }
}
