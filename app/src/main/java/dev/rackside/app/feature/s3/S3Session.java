package dev.rackside.app.feature.s3;

import dev.rackside.s3.S3Engine;
import java.util.Objects;

/// One S3 service the console is connected to, as the sidebar shows it.
///
/// @param id     stable identifier (the saved endpoint's id, or `demo-s3`)
/// @param name   what the operator calls it
/// @param engine the engine talking to it; owned by whoever created the session
public record S3Session(String id, String name, S3Engine engine) {
    public S3Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
    }
}
