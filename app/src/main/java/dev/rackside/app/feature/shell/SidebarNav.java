package dev.rackside.app.feature.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/// The sidebar's list of destinations: one toggle button each, exactly one selected, Up and Down
/// move the selection. A fixed handful of entries needs no virtualised list, and a `ListView`'s skin
/// (virtual flow, scroll bars, cells) is the costliest control of the window's first frame.
final class SidebarNav {
    private final VBox box = new VBox(2);
    private final ToggleGroup group = new ToggleGroup();

    SidebarNav(ShellViewModel vm) {
        box.getStyleClass().add("sidebar");
        for (ShellViewModel.Destination d : vm.destinations()) {
            ToggleButton b = new ToggleButton(d.title());
            b.setId("nav-" + d.id());
            b.setUserData(d);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-item");
            box.getChildren().add(b);
        }
        select(vm.selectedProperty().get());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // a second click on the current view keeps it selected
            } else {
                vm.selectedProperty().set((ShellViewModel.Destination) b.getUserData());
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> select(b));
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int step = e.getCode() == KeyCode.DOWN ? 1 : e.getCode() == KeyCode.UP ? -1 : 0;
            if (step != 0 && !e.isShortcutDown()) {
                move(vm, step);
                e.consume();
            }
        });
    }

    Node root() {
        return box;
    }

    private void move(ShellViewModel vm, int step) {
        List<ShellViewModel.Destination> all = vm.destinations();
        int i = all.indexOf(vm.selectedProperty().get()) + step;
        if (i >= 0 && i < all.size()) {
            vm.selectedProperty().set(all.get(i));
            box.getChildren().get(i).requestFocus();
        }
    }

    private void select(ShellViewModel.Destination d) {
        group.getToggles().stream().filter(t -> t.getUserData().equals(d)).findFirst().ifPresent(t -> t.setSelected(true));
    }
}
