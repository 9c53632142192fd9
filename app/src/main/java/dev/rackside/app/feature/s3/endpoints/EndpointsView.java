package dev.rackside.app.feature.s3.endpoints;

import atlantafx.base.theme.Styles;
import dev.rackside.app.feature.s3.S3BrowserView;
import dev.rackside.app.feature.s3.S3Session;
import dev.rackside.app.feature.s3.SidebarEntry;
import dev.rackside.app.fx.Messages;
import dev.rackside.s3.profiles.EndpointProfile;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/// The endpoint commands of the S3 browser's sidebar: "Add endpoint…", and on the selected
/// endpoint (a menu button, and the sidebar's context menu) "Edit…", "Remove", "Test connection".
public final class EndpointsView {
    public static final String ADD_ID = "s3-endpoint-add";
    public static final String MENU_ID = "s3-endpoint-menu";

    private final EndpointsViewModel vm;
    private final ListView<SidebarEntry> sidebar;
    private final Messages text = Messages.of(EndpointsView.class);

    private EndpointsView(EndpointsViewModel vm, ListView<SidebarEntry> sidebar) {
        this.vm = vm;
        this.sidebar = sidebar;
    }

    /// Adds the commands to `browser`'s sidebar; returns the browser for chaining.
    public static S3BrowserView attach(S3BrowserView browser, EndpointsViewModel vm) {
        EndpointsView view = new EndpointsView(vm, browser.sidebarList());
        Button add = new Button(view.text.get("view.add"));
        add.setId(ADD_ID);
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> view.edit(null));
        MenuButton menu = new MenuButton(view.text.get("view.menu"), null, view.items().toArray(MenuItem[]::new));
        menu.setId(MENU_ID);
        menu.getStyleClass().add(Styles.SMALL);
        menu.disableProperty().bind(view.sidebar.getSelectionModel().selectedItemProperty().isNull());
        browser.sidebarActions().getChildren().addAll(0, List.of(add, menu));
        // The buckets' own commands (versioning, incomplete uploads, delete) stay in the menu: the
        // endpoint's are added under them, not in their place.
        ContextMenu context = view.sidebar.getContextMenu();
        if (context == null) {
            view.sidebar.setContextMenu(new ContextMenu(view.items().toArray(MenuItem[]::new)));
        } else {
            context.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            context.getItems().addAll(view.items());
        }
        return browser;
    }

    /// Opens the endpoint dialog; `profile` null adds one.
    public void edit(EndpointProfile profile) {
        new EndpointDialog(window(), new EndpointFormModel(vm, profile)).showAndWait();
    }

    private List<MenuItem> items() {
        BooleanBinding notSaved = Bindings.createBooleanBinding(() -> saved().isEmpty(),
                sidebar.getSelectionModel().selectedItemProperty(), vm.profiles());
        MenuItem edit = item("view.edit", "s3-endpoint-edit", () -> saved().ifPresent(this::edit));
        MenuItem remove = item("view.remove", "s3-endpoint-remove", () -> saved().ifPresent(this::confirmRemove));
        MenuItem test = item("view.test", "s3-endpoint-test", () -> session().ifPresent(vm::test));
        edit.disableProperty().bind(notSaved);
        remove.disableProperty().bind(notSaved);
        test.disableProperty().bind(sidebar.getSelectionModel().selectedItemProperty().isNull());
        return List.of(edit, remove, test);
    }

    private void confirmRemove(EndpointProfile p) {
        // Losing a client-side key loses every object it encrypted: say so before it goes.
        String body = text.get(vm.clientKeyOf(p.id()).isPresent() || p.encryption().clientSide()
                ? "view.removeBodyKey" : "view.removeBody");
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, body, ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(text.get("view.removeTitle"));
        confirm.setHeaderText(text.get("view.removeHeader", p.name()));
        if (window() != null) {
            confirm.initOwner(window());
        }
        // destructive: Enter must not remove
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(p));
    }

    private Optional<S3Session> session() {
        return Optional.ofNullable(sidebar.getSelectionModel().getSelectedItem()).map(SidebarEntry::session);
    }

    private Optional<EndpointProfile> saved() {
        return session().flatMap(vm::profileOf);
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem i = new MenuItem(text.get(key));
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    private Window window() {
        return sidebar.getScene() == null ? null : sidebar.getScene().getWindow();
    }
}
