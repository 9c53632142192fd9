package dev.rackside.app.feature.inventory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.FeatureView;
import dev.rackside.app.fx.Messages;
import dev.rackside.proxmox.model.GuestType;
import dev.rackside.proxmox.model.PowerAction;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The inventory section: toolbar, resource tree, guest table (or grouped list) and details.
///
/// Ctrl+F focuses the search, F5 refreshes. The refresh loop runs only while the view is shown.
public final class InventoryView implements FeatureView {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);

    private final InventoryViewModel vm;
    private final Messages m = Messages.of(InventoryView.class);
    private final Predicate<PendingAction> confirm;
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final GuestTable table;
    private final VBox problems = new VBox(6);

    public InventoryView(InventoryViewModel vm) {
        this(vm, null);
    }

    /// @param confirm asks the operator about a destructive action; null shows the standard dialog
    InventoryView(InventoryViewModel vm, Predicate<PendingAction> confirm) {
        this.vm = vm;
        this.confirm = confirm != null ? confirm : new ConfirmDialog(m, vm, this::root);
        this.table = new GuestTable(vm, m);
        ResourceTree tree = new ResourceTree(vm, m, table::select);
        DetailsPane details = new DetailsPane(vm, m);

        table.table().setPlaceholder(placeholder());
        StackPane guests = new StackPane(table.table());
        groupedWhenAsked(guests);
        problems.setPadding(new Insets(0, 0, 6, 0));
        vm.clusters().addListener((ListChangeListener<ClusterHealth>) c -> showProblems());
        showProblems();
        BorderPane centre = new BorderPane(guests);
        centre.setTop(problems);

        SplitPane split = new SplitPane(tree.view(), centre, details.root());
        split.setDividerPositions(0.18, 0.75);
        SplitPane.setResizableWithParent(tree.view(), false);
        SplitPane.setResizableWithParent(details.root(), false);

        root.setTop(new javafx.scene.layout.VBox(toolbar(), actionBar()));
        table.table().setContextMenu(contextMenu());
        root.setCenter(split);
        root.setBottom(statusBar());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                vm.refresh();
                e.consume();
            }
        });
    }

    /// The grouped list is built the first time a grouping is chosen: most sessions never group,
    /// and a hidden tree still costs its styling and skin before the first frame.
    private void groupedWhenAsked(StackPane guests) {
        Runnable build = () -> {
            GroupedGuestList grouped = new GroupedGuestList(vm, m);
            grouped.view().visibleProperty().bind(vm.groupByProperty().isNotEqualTo(GroupBy.NONE));
            table.table().visibleProperty().bind(grouped.view().visibleProperty().not());
            guests.getChildren().add(grouped.view());
        };
        if (vm.groupByProperty().get() != GroupBy.NONE) {
            build.run();
            return;
        }
        vm.groupByProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends GroupBy> o, GroupBy a, GroupBy b) {
                if (b != GroupBy.NONE) {
                    vm.groupByProperty().removeListener(this);
                    build.run();
                }
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    /// Puts the cursor in the search field (the shell's Ctrl+F).
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void activate() {
        vm.start();
    }

    @Override
    public void deactivate() {
        vm.stop();
    }

    private ToolBar toolbar() {
        search.setId("inventory-search");
        search.setPromptText(m.get("search.prompt"));
        search.setPrefWidth(230);
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button clear = new Button("\u2715");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setAccessibleText(m.get("search.clear"));
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        clear.setOnAction(e -> search.clear());
        search.setRight(clear);

        ComboBox<TypeChoice> type = choice(TypeChoice.of(vm.typeFilterProperty().get()),
                t -> m.get("filter.type." + t.name().toLowerCase(Locale.ROOT)));
        type.getItems().setAll(TypeChoice.values());
        type.valueProperty().addListener((o, a, b) -> vm.typeFilterProperty().set(b.type));
        vm.typeFilterProperty().addListener((o, a, b) -> type.setValue(TypeChoice.of(b)));
        ComboBox<StatusFilter> status = choice(StatusFilter.ANY, s -> m.get("filter.status." + s.name().toLowerCase(Locale.ROOT)));
        status.getItems().setAll(StatusFilter.values());
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        ComboBox<GroupBy> group = choice(GroupBy.NONE, g -> m.get("group." + g.name().toLowerCase(Locale.ROOT)));
        group.getItems().setAll(GroupBy.values());
        group.valueProperty().bindBidirectional(vm.groupByProperty());

        Button refresh = new Button(m.get("refresh"));
        refresh.getStyleClass().add(Styles.SMALL);
        refresh.setOnAction(e -> vm.refresh());
        for (ComboBox<?> c : List.of(type, status, group)) {
            c.getStyleClass().add(Styles.SMALL);
            c.setPrefWidth(150);
        }
        return new ToolBar(search, type, status, group, refresh);
    }

    /// The power actions in a row of their own, so they never disappear into the tool bar's overflow
    /// menu on a narrow window: they are what operators use most.
    private ToolBar actionBar() {
        Label selected = new Label();
        selected.getStyleClass().add(Styles.TEXT_MUTED);
        selected.textProperty().bind(Bindings.createStringBinding(() -> m.get("selection.count", vm.selection().size()),
                vm.selection()));
        ToolBar bar = new ToolBar();
        for (PowerAction a : PowerAction.values()) {
            Button b = new Button(vm.actionLabel(a));
            b.setId("inventory-action-" + a.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add(Styles.SMALL);
            if (a.destructive()) {
                // Not Styles.DANGER: inside a tool bar it loses its red fill and leaves white text on white.
                b.getStyleClass().add("destructive-action");
            }
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canApply(a).get(), vm.canApply(a)));
            b.setOnAction(e -> run(a));
            bar.getItems().add(b);
        }
        bar.getItems().addAll(new Separator(), selected);
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    /// The same actions on a right click (or Shift+F10 / the menu key) on the table.
    private javafx.scene.control.ContextMenu contextMenu() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        for (PowerAction a : PowerAction.values()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(vm.actionLabel(a));
            item.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canApply(a).get(), vm.canApply(a)));
            item.setOnAction(e -> run(a));
            menu.getItems().add(item);
        }
        return menu;
    }


    /// The type filter's entries: a combo box shows no text for a null value, so "both" is an entry.
    private enum TypeChoice {
        ANY(null), QEMU(GuestType.QEMU), LXC(GuestType.LXC);

        final GuestType type;

        TypeChoice(GuestType type) {
            this.type = type;
        }

        static TypeChoice of(GuestType t) {
            return t == null ? ANY : t == GuestType.QEMU ? QEMU : LXC;
        }
    }

    private void run(PowerAction action) {
        PendingAction p = vm.prepare(action);
        if (!p.isEmpty() && (!p.needsConfirmation() || confirm.test(p))) {
            vm.execute(p);
        }
    }

    private <T> ComboBox<T> choice(T initial, java.util.function.Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setValue(initial);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        return box;
    }

    private Label placeholder() {
        Label l = new Label();
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.textProperty().bind(Bindings.createStringBinding(() -> m.get(EmptyGuests.of(vm.startingProperty().get(),
                vm.clusters(), !vm.allGuests().isEmpty()).messageKey),
                vm.clusters(), vm.allGuests(), vm.visibleGuests(), vm.startingProperty()));
        return l;
    }

    private void showProblems() {
        problems.getChildren().clear();
        for (ClusterHealth h : vm.clusters()) {
            if (h.state() == ClusterHealth.State.UNREACHABLE || h.state() == ClusterHealth.State.FAILED) {
                var last = h.lastSuccessProperty().get();
                String text = last == null ? m.get("cluster.problem.never", h.name(), h.messageProperty().get())
                        : m.get("cluster.problem", h.name(), h.messageProperty().get(),
                        TIME.format(last.atZone(ZoneId.systemDefault())));
                Message msg = new Message(m.get("cluster.state." + h.state().name()), text);
                msg.getStyleClass().add(Styles.DANGER);
                problems.getChildren().add(msg);
            }
        }
    }

    private HBox statusBar() {
        Label last = new Label();
        last.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        last.textProperty().bind(Bindings.createStringBinding(() -> vm.lastRefreshProperty().get() == null
                ? m.get("refresh.never")
                : m.get("refresh.last", TIME.format(vm.lastRefreshProperty().get().atZone(ZoneId.systemDefault()))),
                vm.lastRefreshProperty()));
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> m.get("count", Integer.toString(vm.visibleGuests().size()),
                Integer.toString(vm.allGuests().size())), vm.visibleGuests(), vm.allGuests()));
        HBox bar = new HBox(12, count, new Spacer(), last);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }
}
