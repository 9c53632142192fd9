package dev.rackside.app.screenshots;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/// The FX-thread plumbing of [ScreenshotCommand]: running on the FX thread from the command's own
/// thread, waiting for the app to settle, snapshotting a scene or dialog, and writing PNGs.
final class Shots {
    private Shots() {
    }

    /// Opens a dialog on the FX thread, lays it out, snapshots it once it settled, and closes it.
    static WritableImage shootDialog(java.util.concurrent.Callable<javafx.scene.control.Dialog<?>> open) throws Exception {
        var dialog = onFx(() -> {
            var d = open.call();
            d.show();
            d.getDialogPane().applyCss();
            d.getDialogPane().layout();
            return d;
        });
        WritableImage shot = snapshotLater(dialog.getDialogPane());
        onFx(() -> {
            dialog.close();
            return null;
        });
        return shot;
    }

    static WritableImage snapshotLater(Node pane) throws Exception {
        settle();
        return onFx(() -> pane.getScene().snapshot(null));
    }

    static void save(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getPixelReader().getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageIO.write(out, "png", file.toFile());
    }

    /// A hidden window gets no pulses, so a scroll pane's cached viewport kept painting its old content
    /// (the guest details showed their empty state): no viewport caches for a snapshot.
    static WritableImage fresh(javafx.scene.Scene scene) {
        scene.getRoot().lookupAll(".viewport").forEach(n -> n.setCache(false));
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene.snapshot(null);
    }

    static void settle() throws Exception {
        Thread.sleep(600); // let layout, CSS and a couple of pulses run
        onFx(() -> null);
    }

    static void waitUntil(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static boolean onFxQuiet(Callable<Boolean> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            return false;
        }
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
