package dev.rackside.app.feature.s3;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Chooses a local folder (downloads go there, or a folder to upload) and files to upload. The
/// platform's choosers in the app; tests return temporary paths, since JavaFX's Headless platform
/// has no file choosers.
@FunctionalInterface
public interface FolderPicker {
    Optional<Path> pickFolder(String title);

    /// Files to upload; empty when the operator cancels.
    default List<Path> pickFiles(String title) {
        return List.of();
    }

    /// One file (an incomplete upload's source); empty when the operator cancels.
    default Optional<Path> pickFile(String title) {
        return pickFiles(title).stream().findFirst();
    }
}
