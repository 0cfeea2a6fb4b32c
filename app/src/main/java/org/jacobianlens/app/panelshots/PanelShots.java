package org.jacobianlens.app.panelshots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.jacobianlens.app.charts.CurvesPanel;
import org.jacobianlens.app.charts.DecisionPanel;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.ProjectionPanel;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.timeline.TimelineBar;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.TrainingRun;
import org.jfree.chart.fx.ChartViewer;

/**
 * Trains the pictured runs on the calling thread (never the FX thread), then composes the four panels and the
 * timeline bar in a window of the asked size and writes its scene as PNG:
 * {@code decision-2d.png} (spirals, unit norm off, 10 % random labels, live) and {@code timeline.png} (clean vs 30 % random labels
 * compared, scrubbed back to a third of the run). Run with
 * {@code java -cp app/target/jacobian-lens.jar org.jacobianlens.app.panelshots.PanelShots DIR [WIDTH HEIGHT [SUFFIX
 * [presentation]]]}.
 */
public final class PanelShots {
    private static boolean presentation;

    private PanelShots() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "screenshots");
        int w = args.length > 2 ? Integer.parseInt(args[1]) : 1280;
        int h = args.length > 2 ? Integer.parseInt(args[2]) : 720;
        String suffix = args.length > 3 ? args[3] : "";
        presentation = args.length > 4 && args[4].equals("presentation");
        Files.createDirectories(dir);
        GroupSnapshot spirals = group(List.of("spirals"), List.of(spirals(0.1)), 2000);
        System.out.printf("spirals: train acc %.3f at step %d%n", spirals.lane(0).curves().trainAcc()[
                spirals.lane(0).curves().last()], spirals.step());
        GroupSnapshot compare = group(List.of("clean labels", "30% random labels"), List.of(spirals(0.0),
                spirals(0.3)), 2000);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // closing the first picture's window must not end the toolkit
        shoot(dir.resolve("decision-2d" + suffix + ".png"), spirals, Timeline.LIVE, w, h).get();
        int back = Timeline.snap(compare, compare.step() / 3);
        shoot(dir.resolve("timeline" + suffix + ".png"), compare, back, w, h).get();
        Platform.exit();
    }

    private static RunConfig spirals(double noise) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("spirals", null, 300, 200, noise, false, false, false, 1))
                .withModel(RunConfig.ModelKind.MLP, 128, 2)
                .withTraining(0.01, MlpSpec.Optimizer.ADAM, MlpSpec.Loss.SQUARED, 0)
                .withStop(2000, 0)
                .withAnalysis(50, 300, 0.1)
                .withAnalysisShare(0);
    }

    private static GroupSnapshot group(List<String> labels, List<RunConfig> configs, int steps)
            throws DatasetException {
        Snapshot[] lanes = new Snapshot[configs.size()];
        for (int i = 0; i < lanes.length; i++) {
            try (TrainingRun r = new TrainingRun(configs.get(i), i + 1)) {
                lanes[i] = r.advance(steps);
            }
        }
        return new GroupSnapshot(1, labels, List.of(lanes));
    }

    private static CompletableFuture<Void> shoot(Path out, GroupSnapshot g, int step, int w, int h) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                Timeline timeline = new Timeline();
                Panels panels = new Panels(timeline);
                stage.setScene(new Scene(panels.root, w, h));
                stage.show();
                timeline.sourceProperty().set(g);
                timeline.select(step);
                // Two pulses: the first lays the charts out, the second draws them at their size.
                Platform.runLater(() -> Platform.runLater(() -> {
                    try {
                        BufferedImage img = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
                        ImageIO.write(img, "png", out.toFile());
                        System.out.println("wrote " + out);
                        stage.close();
                        done.complete(null);
                    } catch (IOException | RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                }));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The four panels and the bar, drawing whatever the timeline shows. */
    private static final class Panels {
        final BorderPane root = new BorderPane();
        final SpectrumPanel spectrum = new SpectrumPanel();
        final ProjectionPanel projections = new ProjectionPanel();
        final CurvesPanel curves = new CurvesPanel();
        final DecisionPanel decision = new DecisionPanel();

        Panels(Timeline timeline) {
            GridPane grid = new GridPane();
            ChartViewer[] views = {new ChartViewer(spectrum.chart()), new ChartViewer(projections.chart()),
                new ChartViewer(curves.chart()), new ChartViewer(decision.chart())};
            for (int i = 0; i < views.length; i++) {
                grid.add(views[i], i % 2, i / 2);
                GridPane.setHgrow(views[i], Priority.ALWAYS);
                GridPane.setVgrow(views[i], Priority.ALWAYS);
                views[i].setPrefSize(10, 10);
            }
            for (int i = 0; i < 2; i++) {
                javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
                c.setPercentWidth(50);
                grid.getColumnConstraints().add(c);
                javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
                r.setPercentHeight(50);
                grid.getRowConstraints().add(r);
            }
            root.setCenter(grid);
            root.setBottom(new TimelineBar(timeline));
            timeline.shownProperty().addListener((o, was, g) -> draw(g));
        }

        void draw(GroupSnapshot g) {
            if (g == null) {
                return;
            }
            PanelOptions o = PanelOptions.defaults().withPresentation(presentation);
            List<AnalysisFrame> frames = g.lanes().stream().map(Snapshot::latestFrame).toList();
            spectrum.update(g, frames, o);
            projections.update(g, frames, o);
            curves.update(g, null, o);
            decision.update(g, o);
        }
    }
}
