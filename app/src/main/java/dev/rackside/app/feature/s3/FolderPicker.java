package dev.rackside.app.feature.s3;

import java.nio.file.Path;
import java.util.Optional;

/// Chooses a local folder (downloads go there). A `DirectoryChooser` in the app; tests return a
/// temporary folder, since JavaFX's Headless platform has no file choosers.
@FunctionalInterface
public interface FolderPicker {
    Optional<Path> pickFolder(String title);
}
