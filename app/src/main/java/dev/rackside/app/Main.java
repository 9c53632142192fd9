package dev.rackside.app;

import javafx.application.Application;

/// Launcher. A separate class from the `Application` so the app also starts from a plain class
/// path (jpackage, `java -cp`), where JavaFX refuses to launch an `Application` subclass as main.
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        RacksideApp.preload(Preloaded.inBackground(dev.rackside.s3.profiles.RacksideFolders.forThisMachine()));
        Application.launch(RacksideApp.class, args);
    }
}
