package org.jacobianlens.app.ui;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The three live panels: side by side when there is room, otherwise two on top and the third below at full width,
 * so each stays readable on a 1280×720 projector.
 */
final class ChartGrid extends Region {
    /** Below this width per panel the panels reflow into two rows. */
    static final double MIN_PANEL_WIDTH = 380;
    private static final double GAP = 6;

    ChartGrid(List<? extends Region> panels) {
        getChildren().addAll(panels);
        for (Region r : panels) {
            r.setMinSize(120, 100);
        }
        setMinSize(260, 200);
    }

    /** Whether the panels currently sit in two rows. */
    boolean twoRows() {
        return getWidth() < 3 * MIN_PANEL_WIDTH + 2 * GAP;
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
        if (c.size() != 3) {
            return;
        }
        if (!twoRows()) {
            double pw = (w - 2 * GAP) / 3;
            for (int i = 0; i < 3; i++) {
                c.get(i).resizeRelocate(i * (pw + GAP), 0, pw, h);
            }
            return;
        }
        double rh = (h - GAP) / 2;
        double pw = (w - GAP) / 2;
        c.get(0).resizeRelocate(0, 0, pw, rh);
        c.get(1).resizeRelocate(pw + GAP, 0, pw, rh);
        c.get(2).resizeRelocate(0, rh + GAP, w, rh);
    }
}
