package org.jacobianlens.app.ui;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The live panels: three side by side when there is room, otherwise two on top and the third below at full width,
 * so each stays readable on a 1280×720 projector; with a fourth (the decision map of 2-D data, managed only while
 * it applies) four in a row when there is room, else two rows of two.
 */
final class ChartGrid extends Region {
    /** Below this width per panel the panels reflow into two rows. */
    static final double MIN_PANEL_WIDTH = 380;
    private static final double GAP = 6;

    ChartGrid(List<? extends Region> panels) {
        // A panel that is not managed (the decision map off 2-D data) takes no room.
        panels.forEach(r -> r.managedProperty().bind(r.visibleProperty()));
        getChildren().addAll(panels);
        for (Region r : panels) {
            r.setMinSize(120, 100);
        }
        setMinSize(260, 200);
    }

    /** Whether the panels currently sit in two rows. */
    boolean twoRows() {
        int n = getManagedChildren().size();
        return getWidth() < n * MIN_PANEL_WIDTH + (n - 1) * GAP;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 3 * 480 + 2 * GAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    @Override
    protected void layoutChildren() {
        List<Node> c = getManagedChildren();
        double w = getWidth();
        double h = getHeight();
        int n = c.size();
        if (n < 3 || n > 4) {
            return;
        }
        if (w >= n * MIN_PANEL_WIDTH + (n - 1) * GAP) {
            double pw = (w - (n - 1) * GAP) / n;
            for (int i = 0; i < n; i++) {
                c.get(i).resizeRelocate(i * (pw + GAP), 0, pw, h);
            }
            return;
        }
        double rh = (h - GAP) / 2;
        double pw = (w - GAP) / 2;
        c.get(0).resizeRelocate(0, 0, pw, rh);
        c.get(1).resizeRelocate(pw + GAP, 0, pw, rh);
        if (n == 3) {
            c.get(2).resizeRelocate(0, rh + GAP, w, rh);
        } else {
            c.get(2).resizeRelocate(0, rh + GAP, pw, rh);
            c.get(3).resizeRelocate(pw + GAP, rh + GAP, pw, rh);
        }
    }
}
