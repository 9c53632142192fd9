package dev.rackside.app.feature.about;

import dev.rackside.app.Main;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/// The training run of the installers' AOT cache (`installers/Installers.java` makes it the packaged
/// launcher's main class for one run, with `-XX:AOTCacheOutput`). Starts the real app (`--demo`),
/// waits until the inventory shows the demo cluster's guests, selects and sorts a little, opens and
/// closes this About dialog, then exits: the classes of start-up and of the first minutes of use end
/// up in the cache.
public final class StartupTraining {
    private static final System.Logger LOG = System.getLogger(StartupTraining.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private StartupTraining() {
    }

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("aot-training").start(StartupTraining::exercise);
        Main.main(args);
        System.exit(0); // the demo cluster's threads must not keep the recording JVM alive
    }

    private static void exercise() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && !Boolean.TRUE.equals(onFx(StartupTraining::rowsShown))) {
            pause(250);
        }
        onFx(() -> {
            tables().forEach(StartupTraining::browse);
            return null;
        });
        pause(1000);
        Alert about = onFx(() -> {
            Alert a = AboutDialog.create(Window.getWindows().isEmpty() ? null : Window.getWindows().getFirst(),
                    AboutViewModel.ofThisBuild());
            a.show();
            return a;
        });
        pause(500);
        onFx(() -> {
            if (about != null) {
                about.close();
            }
            return null;
        });
        if (!Boolean.TRUE.equals(onFx(StartupTraining::rowsShown))) {
            LOG.log(System.Logger.Level.WARNING, "AOT training: the inventory showed no guests within " + PATIENCE);
        }
        Platform.exit();
    }

    /// What an operator does first: select a few rows, sort by a column and back.
    private static <S> void browse(TableView<S> table) {
        for (int i = 0; i < Math.min(5, table.getItems().size()); i++) {
            table.getSelectionModel().clearAndSelect(i);
        }
        if (!table.getColumns().isEmpty()) {
            TableColumn<S, ?> first = table.getColumns().getFirst();
            table.getSortOrder().setAll(List.of(first));
            table.getSortOrder().clear();
        }
    }

    private static boolean rowsShown() {
        return tables().stream().anyMatch(t -> !t.getItems().isEmpty());
    }

    private static List<TableView<?>> tables() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".table-view").stream())
                .filter(TableView.class::isInstance)
                .<TableView<?>>map(n -> (TableView<?>) n)
                .filter(Node::isVisible)
                .toList();
    }

    /// Runs `work` on the FX thread and waits for it; null if the toolkit is not up (yet) or it failed.
    private static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(work.call());
                } catch (Exception | LinkageError e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            return null; // toolkit not started yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "AOT training step failed", e);
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
