package dev.rackside.app.feature.shell;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.FeatureView;
import dev.rackside.app.fx.FxNotifier;
import dev.rackside.app.fx.Messages;
import dev.rackside.app.fx.Themes;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// The main window: sidebar of the views that exist, the content area, the bottom panel (PVE tasks
/// and S3 transfers, one tab each) below it, and a status bar. Keyboard shortcuts are those of [Shortcuts].
public final class MainWindow {
    /// What the window asks of the rest of the app.
    public record Actions(Runnable refresh, Runnable focusSearch, Runnable tryDemo, Runnable about) {
    }

    /// One tab of the bottom panel.
    ///
    /// @param id      what [#showBottom] selects it by
    /// @param title   the tab's text, which may carry a live count ("Transfers · 2 active")
    /// @param content builds the panel, the first time its tab is shown
    public record BottomTab(String id, ObservableValue<String> title, java.util.function.Supplier<Node> content) {
    }

    private final Messages text = Messages.of(MainWindow.class);
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final SplitPane split = new SplitPane();
    private final TabPane bottom = new TabPane();
    private final ShellViewModel vm;
    private final Map<String, java.util.function.Supplier<FeatureView>> views;
    /// Each bottom tab's panel, built the first time the tab is shown after [#fill].
    private final Map<Tab, java.util.function.Supplier<Node>> panels = new java.util.HashMap<>();
    private FeatureView shown;

    /// @param views each destination's view, built the first time it is shown: building every feature's
    ///              view before the first frame only delays it
    public MainWindow(ShellViewModel vm, Map<String, java.util.function.Supplier<FeatureView>> views, List<BottomTab> bottomTabs,
                      FxNotifier notifier, Themes themes, Actions actions) {
        this.vm = vm;
        this.views = views;
        for (BottomTab b : bottomTabs) {
            Tab tab = new Tab();
            tab.setId("bottom-" + b.id());
            tab.textProperty().bind(b.title());
            // A tab's panel is built the first time it is shown: building, styling and skinning a
            // table nobody looks at yet only delays the window.
            panels.put(tab, b.content());
            tab.selectedProperty().addListener((o, was, is) -> fillTab(tab));
            tab.setClosable(false);
            bottom.getTabs().add(tab);
        }
        bottom.getStyleClass().addAll(Styles.DENSE, "bottom-panel");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Node nav = new SidebarNav(vm).root();
        vm.selectedProperty().addListener((o, a, b) -> {
            if (filled) {
                show(view(b.id()));
            }
        });
        Label brand = new Label(text.get("app.title"));
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        Button demo = new Button();
        demo.textProperty().bind(Bindings.when(vm.demoStartingProperty())
                .then(text.get("demo.starting")).otherwise(text.get("demo.try")));
        demo.disableProperty().bind(vm.demoStartingProperty());
        demo.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setOnAction(e -> actions.tryDemo().run());
        demo.visibleProperty().bind(vm.demoRunningProperty().not());
        demo.managedProperty().bind(demo.visibleProperty());
        VBox sidebar = new VBox(8, brand, nav, demo);
        VBox.setVgrow(nav, Priority.ALWAYS);
        sidebar.setPadding(new Insets(12, 8, 8, 8));
        sidebar.setPrefWidth(200);
        sidebar.getStyleClass().add("sidebar-pane");

        split.setOrientation(Orientation.VERTICAL);
        split.getItems().setAll(content);

        BorderPane main = new BorderPane(split);
        main.setLeft(sidebar);
        main.setBottom(statusBar(vm, themes, actions));
        root.getChildren().addAll(main, notifier.overlay());
        root.getStyleClass().add("rackside-root");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> onKey(e, vm, themes, actions));
    }

    private final List<Runnable> tooltips = new java.util.ArrayList<>();

    /// Tooltips arrive with [#fill]: the first `Tooltip` sets up its popup window machinery, which
    /// the first frame does not need. The button's accessible text says the same at once.
    private void tooltipLater(Button b, String tip) {
        b.setAccessibleText(tip);
        tooltips.add(() -> b.setTooltip(new Tooltip(tip)));
    }

    private void fillTab(Tab tab) {
        if (filled && tab != null && tab.isSelected() && tab.getContent() == null) {
            tab.setContent(panels.get(tab).get());
        }
    }

    private boolean filled;
    private boolean bottomHidden;

    /// Puts the selected view and the bottom panel into the window. Until then the window is its
    /// frame alone (sidebar, status bar), which is what the app shows first: styling and skinning
    /// the inventory's tables is most of the work before a frame, so it waits for the second one.
    /// Does nothing the second time.
    public void fill() {
        if (filled) {
            return;
        }
        filled = true;
        show(view(vm.selectedProperty().get().id()));
        if (!bottomHidden) {
            attachBottom();
        }
        fillTab(bottom.getSelectionModel().getSelectedItem());
        tooltips.forEach(Runnable::run);
    }

    private void attachBottom() {
        split.getItems().add(bottom);
        split.setDividerPositions(0.72);
    }

    private final Map<String, FeatureView> built = new java.util.HashMap<>();

    private FeatureView view(String id) {
        return built.computeIfAbsent(id, k -> views.get(k).get());
    }

    public Parent root() {
        return root;
    }

    public void toggleTasks() {
        bottomHidden = !bottomHidden;
        if (!filled) {
            return;
        }
        if (bottomHidden) {
            split.getItems().remove(bottom);
        } else {
            attachBottom();
        }
    }

    /// Shows the bottom panel, opened on the tab `id`: what just started is where the operator looks.
    public void showBottom(String id) {
        if (bottomHidden) {
            toggleTasks();
        }
        bottom.getTabs().stream().filter(t -> t.getId().equals("bottom-" + id)).findFirst()
                .ifPresent(t -> bottom.getSelectionModel().select(t));
    }

    /// The id of the bottom tab shown, or empty when the panel is hidden.
    public java.util.Optional<String> shownBottom() {
        if (!filled || bottomHidden || bottom.getSelectionModel().getSelectedItem() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(bottom.getSelectionModel().getSelectedItem().getId().substring("bottom-".length()));
    }

    private void show(FeatureView view) {
        if (shown != null) {
            shown.deactivate();
        }
        shown = view;
        content.getChildren().setAll(view.root());
        view.activate();
    }

    private HBox statusBar(ShellViewModel vm, Themes themes, Actions actions) {
        Label connection = new Label();
        connection.textProperty().bind(vm.connectionSummary());
        Label refreshed = new Label();
        refreshed.textProperty().bind(Bindings.createStringBinding(
                () -> vm.lastRefreshProperty().get().isEmpty() ? "" : text.get("status.lastRefresh", vm.lastRefreshProperty().get()),
                vm.lastRefreshProperty()));
        refreshed.getStyleClass().add(Styles.TEXT_MUTED);
        Button theme = new Button("◐");
        tooltipLater(theme, text.get("menu.theme") + " (Ctrl+Shift+L)");
        theme.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        theme.setOnAction(e -> themes.toggle());
        Button help = new Button("?");
        tooltipLater(help, text.get("menu.help") + " (F1)");
        help.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        help.setOnAction(e -> HelpDialog.show(root.getScene().getWindow()));
        Button about = new Button("i");
        tooltipLater(about, text.get("menu.about"));
        about.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        about.setOnAction(e -> actions.about().run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, connection, spacer, refreshed, theme, help, about);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 10, 2, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void onKey(KeyEvent e, ShellViewModel vm, Themes themes, Actions actions) {
        if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            if (!(filled && shown != null && shown.searchHere())) {
                actions.focusSearch().run();
            }
        } else if (e.getCode() == KeyCode.F5) {
            if (!(filled && shown != null && shown.refreshHere())) {
                actions.refresh().run();
            }
        } else if (e.getCode() == KeyCode.F1) {
            HelpDialog.show(root.getScene().getWindow());
        } else if (new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN).match(e)) {
            toggleTasks();
        } else if (new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
            themes.toggle();
        } else if (e.isShortcutDown() && e.getCode().isDigitKey() && !e.isShiftDown()) {
            vm.selectIndex(e.getCode().getCode() - KeyCode.DIGIT1.getCode());
        } else {
            return;
        }
        e.consume();
    }
}
