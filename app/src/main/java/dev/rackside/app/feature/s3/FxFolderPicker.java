package dev.rackside.app.feature.s3;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/// [FolderPicker] with the platform's folder and file dialogs. Both start where the last choice was.
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

    @Override
    public Optional<Path> pickFile(String title) {
        File chosen = fileChooser(title).showOpenDialog(owner.get());
        if (chosen != null) {
            last = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public List<Path> pickFiles(String title) {
        List<File> chosen = fileChooser(title).showOpenMultipleDialog(owner.get());
        if (chosen == null || chosen.isEmpty()) {
            return List.of();
        }
        last = chosen.getFirst().getParentFile();
        return chosen.stream().map(File::toPath).toList();
    }

    private FileChooser fileChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (last != null && last.isDirectory()) {
            chooser.setInitialDirectory(last);
        }
        return chooser;
    }
}
