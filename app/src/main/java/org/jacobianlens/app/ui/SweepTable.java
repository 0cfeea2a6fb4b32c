package org.jacobianlens.app.ui;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.jacobianlens.app.viewmodel.SweepViewModel;
import org.jacobianlens.core.sweep.SweepPoint;
import org.jacobianlens.core.sweep.SweepSpec;

/**
 * The sweep window's table of finished runs, one row per run: the value and seed, the state, and the summary
 * numbers of the papers' figures ("–" where a run has none, "not reached" for a threshold never met).
 */
final class SweepTable extends TableView<SweepPoint> {
    private final SweepViewModel model;

    SweepTable(SweepViewModel model) {
        this.model = model;
        setId("sweepTable");
        setPrefHeight(190);
        setMinHeight(90);
        setPlaceholder(new Label("Finished runs appear here, one row each."));
        column("value", q -> label(q.value()));
        column("seed", q -> Long.toString(q.seed()));
        column("state", q -> q.state().name().toLowerCase(Locale.ROOT));
        column("steps", q -> Integer.toString(q.steps()));
        column("train err", q -> fmt(q.trainError()));
        column("test err", q -> fmt(q.testError()));
        column("C(y)", q -> fmt(q.complexity()));
        column("top-k energy (init → end)", q -> fmt(q.energyTopInit()) + " → " + fmt(q.energyTopEnd()));
        column("info-space energy", q -> fmt(q.energyInfoInit()) + " → " + fmt(q.energyInfoEnd()));
        column("steps to thr. (pred.)", q -> reached(q.stepsToThreshold()) + " ("
                + reached(q.predictedStepsToThreshold()) + ")");
        column("alignment (init → end)", q -> fmt(q.alignmentInit()) + " → " + fmt(q.alignmentEnd()));
        column("kernel drift", q -> fmt(q.kernelDrift()));
        column("NTK dist. H∞", q -> fmt(q.ntkDistance()));
        column("weight move", q -> fmt(q.weightMovement()));
        setItems(model.points());
    }

    private void column(String name, Function<SweepPoint, String> cell) {
        TableColumn<SweepPoint, String> c = new TableColumn<>(name);
        c.setPrefWidth(name.length() < 10 ? 80 : 125);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(cell.apply(f.getValue())));
        c.setSortable(false);
        getColumns().add(c);
    }

    /** A step count, or "not reached" for the −1 the sweep records when the threshold never was. */
    static String reached(int steps) {
        return steps < 0 ? "not reached" : Integer.toString(steps);
    }

    private String label(double v) {
        SweepSpec s = model.specProperty().get();
        return s == null ? Double.toString(v) : SweepViewModel.label(s, v);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
    }
}
