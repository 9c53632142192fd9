package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The S3 browser's left pane: endpoints and their buckets, with the bucket commands under them.
/// Selecting a bucket opens it; a click or Enter also moves the focus to its objects.
final class BucketSidebar {
    private BucketSidebar() {
    }

    static Node pane(S3BrowserViewModel vm, ListView<SidebarEntry> sidebar, FlowPane sidebarActions, Messages text,
                     S3Dialogs prompts, FolderPicker picker, Supplier<Window> window, Runnable focusObjects) {
        sidebar.setId(S3BrowserView.SIDEBAR_ID);
        sidebar.setItems(vm.sidebar());
        sidebar.setCellFactory(l -> {
            // A click on a bucket's row (not the scroll bar, the empty space or a right-click) means
            // "go there": its objects take the focus.
            SidebarCell cell = new SidebarCell();
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && cell.getItem() instanceof SidebarEntry.Bucket) {
                    focusObjects.run();
                }
            });
            // The context menu acts on the selection: it must be the row the menu was opened on,
            // whether or not the platform's right-click selected it first.
            cell.setOnContextMenuRequested(e -> {
                if (!cell.isEmpty() && sidebar.getSelectionModel().getSelectedIndex() != cell.getIndex()) {
                    sidebar.getSelectionModel().select(cell.getIndex());
                }
            });
            return cell;
        });
        sidebar.getStyleClass().add("s3-sidebar");
        Label empty = new Label(text.get("sidebar.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        sidebar.setPlaceholder(empty);
        sidebar.setContextMenu(BucketMenu.create(vm, sidebar, text, prompts, picker, window));
        // The entry of the bucket open now, or null.
        Supplier<SidebarEntry> openEntry = () -> vm.sessionProperty().get() == null || vm.bucketProperty().get() == null
                ? null : new SidebarEntry.Bucket(vm.sessionProperty().get(), vm.bucketProperty().get());
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof SidebarEntry.Bucket b && !b.equals(openEntry.get())) {
                vm.open(b.session(), b.name()); // focus stays, so the arrow keys go on through the list
            }
        });
        // The open bucket stays selected: when it is opened otherwise (a new bucket is opened once
        // created), and when the list changed (the list's own selection model, which saw the change
        // first, may have dropped it).
        Runnable showOpen = () -> {
            SidebarEntry open = openEntry.get();
            if (open != null && !open.equals(sidebar.getSelectionModel().getSelectedItem()) && sidebar.getItems().contains(open)) {
                sidebar.getSelectionModel().select(open);
            }
        };
        sidebar.getItems().addListener((javafx.collections.ListChangeListener<SidebarEntry>) c -> {
            if (sidebar.getSelectionModel().getSelectedItem() == null) {
                showOpen.run();
            }
        });
        vm.bucketProperty().addListener((o, was, now) -> showOpen.run());
        // Enter on a bucket, as a click on it, goes to its objects.
        sidebar.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && sidebar.getSelectionModel().getSelectedItem() instanceof SidebarEntry.Bucket) {
                focusObjects.run();
                e.consume();
            }
        });
        Button create = S3BrowserView.toolButton(text, "bucket.create", () -> {
            SidebarEntry e = sidebar.getSelectionModel().getSelectedItem();
            S3Session s = e != null ? e.session() : vm.sessionProperty().get();
            if (s == null && !vm.sidebar().isEmpty()) {
                s = vm.sidebar().getFirst().session();
            }
            if (s != null) {
                vm.createBucket(s, prompts);
            }
        });
        create.disableProperty().bind(Bindings.isEmpty(vm.sidebar()));
        Button delete = S3BrowserView.toolButton(text, "bucket.delete", () -> {
            if (sidebar.getSelectionModel().getSelectedItem() instanceof SidebarEntry.Bucket b) {
                vm.deleteBucket(b.session(), b.name(), prompts);
            }
        });
        delete.getStyleClass().add("destructive-action");
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !(sidebar.getSelectionModel().getSelectedItem() instanceof SidebarEntry.Bucket),
                sidebar.getSelectionModel().selectedItemProperty()));
        Button refresh = S3BrowserView.toolButton(text, "sidebar.refresh", vm::refreshBuckets);
        Label title = new Label(text.get("sidebar.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        // a flow, not a tool bar: the sidebar is narrow and all three must stay reachable
        FlowPane actions = sidebarActions;
        actions.getChildren().setAll(create, delete, refresh);
        actions.setPadding(new Insets(6, 8, 8, 8));
        List.of(create, delete, refresh).forEach(b -> b.getStyleClass().add(Styles.SMALL));
        VBox pane = new VBox(title, sidebar, actions);
        pane.setPadding(new Insets(8, 0, 0, 0));
        VBox.setMargin(title, new Insets(0, 8, 4, 8));
        VBox.setVgrow(sidebar, Priority.ALWAYS);
        pane.getStyleClass().add("s3-sidebar-pane");
        pane.setMinWidth(180);
        return pane;
    }
}
