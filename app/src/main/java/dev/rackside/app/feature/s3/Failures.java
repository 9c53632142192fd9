package dev.rackside.app.feature.s3;

import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Notifier;
import dev.rackside.s3.S3EngineException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/// How the S3 browser reports a failure: the engine's own operator message as a notification
/// (the operator can act on it), anything unexpected as an error with its details.
final class Failures {
    private Failures() {
    }

    static void report(Notifier notifier, Messages text, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof S3EngineException e) {
            notifier.warning(e.getMessage());
        } else {
            notifier.error(text.get("error.unexpected", String.valueOf(t.getMessage())), t);
        }
    }

    /// The text to show for `failure` where it is shown in place (not as a notification).
    static String message(Messages text, Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof S3EngineException ? t.getMessage() : text.get("error.unexpected", String.valueOf(t.getMessage()));
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
