package dev.rackside.app.feature.s3;

import atlantafx.base.theme.Styles;
import dev.rackside.app.fx.Messages;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/// Asks for a new bucket's name and region. The name is checked as it is typed ([BucketNames]);
/// Create stays disabled, with the reason under the field, until S3 would accept it.
final class NewBucketDialog {
    /// AWS's commercial regions, offered as choices for an AWS endpoint; any other can be typed.
    static final List<String> AWS_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "ca-west-1", "sa-east-1", "mx-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2", "il-central-1", "me-south-1", "me-central-1", "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7");

    private NewBucketDialog() {
    }

    static Optional<S3Prompts.NewBucket> ask(Messages text, Window owner, String region, boolean aws) {
        Dialog<S3Prompts.NewBucket> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(text.get("bucket.new.title"));
        d.setHeaderText(text.get("bucket.new.header"));
        ButtonType create = new ButtonType(text.get("bucket.new.create"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setId("s3-bucket-name");
        name.setPrefColumnCount(30);
        ComboBox<String> regions = new ComboBox<>();
        regions.setId("s3-bucket-region");
        regions.setEditable(true); // MinIO, Ceph and others name their regions as they like
        if (aws) {
            regions.getItems().setAll(AWS_REGIONS);
        }
        regions.setValue(region);
        regions.setMaxWidth(Double.MAX_VALUE);
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(360);
        ObjectBinding<Optional<BucketNames.Problem>> check = Bindings.createObjectBinding(
                () -> BucketNames.problem(name.getText().strip()), name.textProperty());
        // Nothing typed yet is not an error to show; Create is still off.
        problem.textProperty().bind(Bindings.createStringBinding(() -> name.getText().isEmpty() ? ""
                : check.get().map(p -> text.get("bucket.name." + p.name())).orElse(""), check, name.textProperty()));
        Node createButton = d.getDialogPane().lookupButton(create);
        createButton.disableProperty().bind(Bindings.createBooleanBinding(() -> check.get().isPresent(), check));
        GridPane grid = new GridPane(8, 8);
        grid.addRow(0, new Label(text.get("bucket.new.name")), name);
        grid.add(problem, 1, 1);
        grid.addRow(2, new Label(text.get("bucket.new.region")), regions);
        d.getDialogPane().setContent(grid);
        d.setResultConverter(b -> b == create ? new S3Prompts.NewBucket(name.getText().strip(),
                Optional.ofNullable(regions.getEditor().getText()).map(String::strip).orElse("")) : null);
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }
}
