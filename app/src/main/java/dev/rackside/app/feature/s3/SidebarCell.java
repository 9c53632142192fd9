package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// A sidebar line: an endpoint in bold (with its problem, if its buckets could not be listed),
/// or an indented bucket.
final class SidebarCell extends ListCell<SidebarEntry> {
    @Override
    protected void updateItem(SidebarEntry e, boolean empty) {
        super.updateItem(e, empty);
        getStyleClass().removeAll("s3-endpoint", "s3-bucket");
        if (empty || e == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(null);
        switch (e) {
            case SidebarEntry.Endpoint ep -> {
                getStyleClass().add("s3-endpoint");
                Label name = new Label(ep.session().name());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                VBox box = new VBox(2, name);
                if (ep.problem() != null) {
                    Label problem = new Label(ep.problem());
                    problem.setWrapText(true);
                    problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
                    box.getChildren().add(problem);
                }
                setGraphic(box);
            }
            case SidebarEntry.Bucket b -> {
                getStyleClass().add("s3-bucket");
                Region icon = new Region();
                icon.getStyleClass().addAll("s3-icon", "s3-bucket-icon");
                Label name = new Label(b.name(), icon);
                setGraphic(name);
            }
        }
    }
}
