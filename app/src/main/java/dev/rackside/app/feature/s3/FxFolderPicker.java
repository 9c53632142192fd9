package dev.rackside.app.feature.s3;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/// [FolderPicker] with the platform's folder dialog.
public final class FxFolderPicker implements FolderPicker {
    private final Supplier<Window> owner;
    private File last;

    public FxFolderPicker(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> pickFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (last != null && last.isDirectory()) {
            chooser.setInitialDirectory(last); // downloads usually go to the same place again
        }
        File chosen = chooser.showDialog(owner.get());
        if (chosen != null) {
            last = chosen;
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
