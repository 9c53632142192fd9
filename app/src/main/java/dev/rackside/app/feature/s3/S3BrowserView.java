package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.FeatureView;
import dev.rackside.app.fx.Messages;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;

/// The S3 browser: endpoints and buckets on the left, the current folder's objects in the middle
/// (drop files and folders there to upload them). Transfers show in the app's bottom panel.
public final class S3BrowserView implements FeatureView {
    public static final String SIDEBAR_ID = "s3-sidebar";
    public static final String SEARCH_ID = "s3-search";

    private final S3BrowserViewModel vm;
    private final FolderPicker picker;
    private final Messages text = Messages.of(S3BrowserView.class);
    private final BorderPane root = new BorderPane();
    private final ListView<SidebarEntry> sidebar = new ListView<>();
    private final HBox crumbs = new HBox(2);
    private final TextField search = new TextField();
    private final javafx.scene.layout.FlowPane sidebarActions = new javafx.scene.layout.FlowPane(4, 4);
    private final S3Dialogs prompts = new S3Dialogs(text, this::window);
    private final InfoDialogs info = new InfoDialogs(text, this::window);
    private final ObjectTable table;
    private final ObjectMenu objectMenu;

    /// With the platform's folder dialog for downloads.
    public S3BrowserView(S3BrowserViewModel vm) {
        this(vm, null);
    }

    /// @param picker where downloads go; null for the platform's folder dialog
    public S3BrowserView(S3BrowserViewModel vm, FolderPicker picker) {
        this.vm = vm;
        this.picker = picker != null ? picker : new FxFolderPicker(this::window);
        ContextMenu menu = new ContextMenu();
        this.table = new ObjectTable(vm, text, this::dropFiles, this::showMetadata, this::deleteSelected, menu);
        this.objectMenu = new ObjectMenu(vm, table, text, prompts, info, this.picker, this::window,
                S3BrowserView::copyToClipboard, this::deleteSelected);
        menu.getItems().setAll(objectMenu.items());
        table.node().addEventHandler(KeyEvent.KEY_PRESSED, e -> { // F2 renames, as in the desktop's file managers
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && table.selection().size() == 1) {
                vm.actions().transfer(table.selection().getFirst(), S3Prompts.TargetKind.RENAME, prompts);
                e.consume();
            }
        });

        SplitPane main = new SplitPane(BucketSidebar.pane(vm, sidebar, sidebarActions, text, prompts, picker,
                this::window, () -> table.node().requestFocus()), objectsPane());
        main.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(main.getItems().getFirst(), false);
        root.setCenter(main);
        root.getStyleClass().add("s3-browser");
        KeyCombination upload = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (upload.match(e)) {
                uploadFiles();
                e.consume();
            }
        });
    }

    /// Ctrl+F: the search of the folder shown, or the bucket list while no bucket is open.
    @Override
    public boolean searchHere() {
        if (search.isDisabled()) {
            sidebar.requestFocus();
        } else {
            search.requestFocus();
            search.selectAll();
        }
        return true;
    }

    /// F5: the folder shown, or the endpoints' buckets while no bucket is open.
    @Override
    public boolean refreshHere() {
        if (vm.bucketProperty().get() == null) {
            vm.refreshBuckets();
        } else {
            vm.refresh();
        }
        return true;
    }

    /// Ctrl+U and Upload › Files…: the chosen files go into the folder shown.
    public void uploadFiles() {
        if (vm.bucketProperty().get() != null) {
            dropFiles(picker.pickFiles(text.get("upload.files.title")), null);
        }
    }

    private void uploadFolder() {
        if (vm.bucketProperty().get() != null) {
            picker.pickFolder(text.get("upload.folder.title")).ifPresent(f -> dropFiles(List.of(f), null));
        }
    }

    @Override
    public Node root() {
        return root;
    }

    /// The endpoints and buckets list, for commands other features add (saved endpoints).
    public ListView<SidebarEntry> sidebarList() {
        return sidebar;
    }

    /// The buttons under the sidebar, for commands other features add.
    public javafx.scene.layout.Pane sidebarActions() {
        return sidebarActions;
    }

    /// What a drop of desktop files does (the table's `DRAG_DROPPED` handler calls it): uploads
    /// them into the folder they were dropped on, or the current folder, keeping folder structure.
    public void dropFiles(List<Path> files, ObjectRow onto) {
        String prefix = onto != null && onto.isFolder() ? onto.key() : vm.prefixProperty().get();
        vm.actions().upload(files, prefix, prompts);
    }

    private Node objectsPane() {
        Button up = toolButton("nav.up", vm::up);
        up.setId("s3-up");
        up.disableProperty().bind(vm.prefixProperty().isEmpty());
        crumbs.setAlignment(Pos.CENTER_LEFT);
        vm.crumbs().addListener((ListChangeListener<S3BrowserViewModel.Crumb>) c -> rebuildCrumbs());
        search.setId(SEARCH_ID);
        search.setPromptText(text.get("search.prompt"));
        search.setPrefColumnCount(12);
        search.disableProperty().bind(vm.bucketProperty().isNull());
        // a search lists the bucket, so it waits for a pause in typing instead of firing per key
        PauseTransition typing = new PauseTransition(Duration.millis(350));
        typing.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        Runnable searchNow = () -> { // without waiting for the pause in typing
            typing.stop();
            vm.search(search.getText());
        };
        search.setOnAction(e -> searchNow.run());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) { // clears the search, then back to the objects
                search.clear();
                searchNow.run();
                table.node().requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) { // from the results' search to the results
                boolean pending = typing.getStatus() == javafx.animation.Animation.Status.RUNNING;
                if (pending) { // as Enter: the results of what was typed, not of the search before
                    searchNow.run();
                }
                table.node().requestFocus();
                if (!pending && table.node().getSelectionModel().isEmpty() && !table.node().getItems().isEmpty()) {
                    table.node().getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        vm.queryProperty().addListener((o, was, now) -> {
            if (!now.equals(search.getText().strip())) {
                search.setText(now);
            }
        });
        javafx.scene.control.MenuItem uploadFiles = new javafx.scene.control.MenuItem(text.get("action.uploadFiles"));
        uploadFiles.setOnAction(e -> uploadFiles());
        javafx.scene.control.MenuItem uploadFolder = new javafx.scene.control.MenuItem(text.get("action.uploadFolder"));
        uploadFolder.setOnAction(e -> uploadFolder());
        MenuButton upload = new MenuButton(text.get("action.upload"), null, uploadFiles, uploadFolder);
        upload.setId("s3-upload");
        upload.getStyleClass().add(Styles.SMALL);
        upload.disableProperty().bind(vm.bucketProperty().isNull());
        Button download = toolButton("action.download", () -> vm.actions().download(table.selection(), picker, prompts));
        download.setId("s3-download");
        Button delete = toolButton("action.delete", this::deleteSelected);
        delete.setId("s3-delete");
        delete.getStyleClass().add("destructive-action");
        var noSelection = table.node().getSelectionModel().selectedItemProperty().isNull();
        download.disableProperty().bind(noSelection);
        delete.disableProperty().bind(noSelection);
        MenuButton more = new MenuButton(text.get("action.more"));
        more.setId("s3-more");
        more.getItems().setAll(objectMenu.items());
        // some of its actions (an upload link) need no selection, only a bucket
        more.disableProperty().bind(vm.bucketProperty().isNull());
        Button refresh = toolButton("nav.refresh", vm::refresh);
        refresh.disableProperty().bind(vm.bucketProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        more.getStyleClass().add(Styles.SMALL);
        List.of(up, download, delete, refresh).forEach(b -> b.getStyleClass().add(Styles.SMALL));
        ToolBar bar = new ToolBar(up, crumbs, spacer, search, upload, download, delete, more, refresh);

        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.get(vm.bucketProperty().get() == null ? "objects.noBucket"
                        : vm.loadingProperty().get() ? "objects.loading"
                        : vm.queryProperty().get().isEmpty() ? "objects.empty" : "objects.noMatch"),
                vm.bucketProperty(), vm.loadingProperty(), vm.queryProperty()));
        table.node().setPlaceholder(placeholder);

        Label status = new Label();
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.textProperty().bind(vm.statusProperty());
        Button loadMore = new Button(text.get("objects.loadMore"));
        loadMore.setId("s3-load-more");
        loadMore.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        loadMore.visibleProperty().bind(vm.hasMoreProperty());
        loadMore.disableProperty().bind(vm.loadingProperty());
        loadMore.setOnAction(e -> vm.loadMore());
        Label hint = new Label(text.get("objects.dropHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, status, loadMore, gap, hint);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(2, 8, 2, 8));

        BorderPane pane = new BorderPane(table.node());
        pane.setTop(bar);
        pane.setBottom(footer);
        return pane;
    }

    private void deleteSelected() {
        vm.actions().delete(table.selection(), prompts);
    }

    private void showMetadata(ObjectRow row) {
        vm.actions().metadata(row, info::showMetadata);
    }

    private void rebuildCrumbs() {
        crumbs.getChildren().clear();
        for (S3BrowserViewModel.Crumb c : vm.crumbs()) {
            if (!crumbs.getChildren().isEmpty()) {
                Label slash = new Label("/");
                slash.getStyleClass().add(Styles.TEXT_MUTED);
                crumbs.getChildren().add(slash);
            }
            Hyperlink link = new Hyperlink(c.label());
            link.setOnAction(e -> vm.goTo(c.prefix()));
            crumbs.getChildren().add(link);
        }
    }

    private static void copyToClipboard(String s) {
        ClipboardContent content = new ClipboardContent();
        content.putString(s);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private Button toolButton(String key, Runnable action) {
        return toolButton(text, key, action);
    }

    /// A tool bar button of the browser (here and under the bucket list).
    static Button toolButton(Messages text, String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
