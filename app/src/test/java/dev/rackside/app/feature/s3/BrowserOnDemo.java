package dev.rackside.app.feature.s3;

import atlantafx.base.theme.PrimerLight;
import dev.rackside.app.demo.DemoS3;
import dev.rackside.app.fx.FxBackground;
import dev.rackside.app.fx.RecordingNotifier;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/// The S3 browser on a demo S3 server in a flow test's stage, and its teardown: the set-up the S3
/// browser's flow tests share.
final class BrowserOnDemo implements AutoCloseable {
    final DemoS3 demo;
    final FxBackground background = new FxBackground();
    final S3BrowserViewModel vm;
    private final Stage stage;
    private S3BrowserView view;

    BrowserOnDemo(Stage stage, DemoS3 demo, FolderPicker picker) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        this.demo = demo;
        vm = new S3BrowserViewModel(FXCollections.observableArrayList(new S3Session(DemoS3.SESSION_ID, "Demo S3", demo.engine())),
                background, new RecordingNotifier(), FxBackground::onFx);
        view = new S3BrowserView(vm, picker);
        stage.setScene(new Scene((Parent) view.root(), 1000, 700)); // within the Headless screen (1000 x 1000)
        stage.show();
        view.activate();
    }

    S3BrowserView view() {
        return view;
    }

    /// The same browser shown again with another picker; on the FX thread.
    void usePicker(FolderPicker picker) {
        view.deactivate();
        view = new S3BrowserView(vm, picker);
        stage.getScene().setRoot((Parent) view.root());
        view.activate();
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(view::deactivate).get();
        vm.transfers().close();
        background.close();
        demo.close();
    }
}
