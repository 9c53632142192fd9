package dev.rackside.app.feature.connections;

import atlantafx.base.theme.Styles;
import dev.rackside.app.cluster.ClusterSession;
import dev.rackside.app.fx.FeatureView;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.settings.ConnectionProfile;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The saved clusters: add, edit, remove, connect and disconnect. Connecting asks its questions
/// (secret, certificate, second factor) through dialogs.
public final class ConnectionsView implements FeatureView {
    public static final String LIST_ID = "connections-list";
    public static final String ADD_ID = "connections-add";
    public static final String CONNECT_ID = "connections-connect";
    public static final String STATUS_ID = "connections-status";

    private final ConnectionsViewModel vm;
    private final Messages text = Messages.of(ConnectionsView.class);
    private final BorderPane root = new BorderPane();
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final ConnectionPrompts prompts = new DialogPrompts(this::window);
    private final ListChangeListener<ClusterSession> sessionsChanged = c -> list.refresh();

    public ConnectionsView(ConnectionsViewModel vm) {
        this.vm = vm;
        list.setId(LIST_ID);
        list.setItems(vm.profiles());
        list.setCellFactory(v -> new ProfileCell());
        list.setPlaceholder(new Label(text.get("view.empty")));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                connectSelected();
            }
        });

        BooleanBinding noSelection = list.getSelectionModel().selectedItemProperty().isNull();
        Button add = button(text.get("view.add"), ADD_ID, () -> edit(null));
        add.getStyleClass().add(Styles.ACCENT);
        Button edit = button(text.get("view.edit"), "connections-edit", () -> edit(selected()));
        Button remove = button(text.get("view.remove"), "connections-remove", this::removeSelected);
        Button connect = button(text.get("view.connect"), CONNECT_ID, this::connectSelected);
        Button disconnect = button(text.get("view.disconnect"), "connections-disconnect", () -> vm.disconnect(selected()));
        edit.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);
        connect.disableProperty().bind(noSelection.or(vm.busyProperty()));
        disconnect.disableProperty().bind(noSelection);

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);

        root.setTop(new ToolBar(add, edit, remove, connect, disconnect));
        root.setCenter(list);
        root.setBottom(new VBox(status));
        activate();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        vm.sessions().removeListener(sessionsChanged);
        vm.sessions().addListener(sessionsChanged);
    }

    @Override
    public void deactivate() {
        vm.sessions().removeListener(sessionsChanged);
    }

    /// Opens the profile dialog; `profile` null adds a new one.
    public void edit(ConnectionProfile profile) {
        new ConnectionDialog(window(), new ConnectionFormModel(vm, profile)).showAndWait();
    }

    private void connectSelected() {
        ConnectionProfile p = selected();
        if (p != null && !vm.busyProperty().get()) {
            vm.connect(p, prompts, outcome -> list.refresh());
        }
    }

    private void removeSelected() {
        ConnectionProfile p = selected();
        var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                text.get("view.removeConfirm", p.name()));
        confirm.initOwner(window());
        confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.remove(p));
    }

    private ConnectionProfile selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Button button(String label, String id, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(p.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label where = new Label(text.get("view.where", p.user(), p.host(), String.valueOf(p.port()),
                    text.get(p.pin().isPresent() ? "view.pinned" : "view.systemCa")));
            where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            boolean connected = vm.isConnected(p);
            Label state = new Label(text.get(connected ? "view.connected" : "view.notConnected"));
            state.getStyleClass().add(connected ? Styles.SUCCESS : Styles.TEXT_MUTED);
            setText(null);
            setGraphic(new VBox(2, name, where, state));
        }
    }
}
