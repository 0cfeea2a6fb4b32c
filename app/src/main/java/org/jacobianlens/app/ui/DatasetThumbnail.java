package org.jacobianlens.app.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import org.jacobianlens.app.viewmodel.Preview;

/**
 * Thumbnail of the chosen dataset: a row of sample images for image data, a scatter of the first two input
 * coordinates coloured by class otherwise. Only draws a {@link Preview} loaded elsewhere.
 */
final class DatasetThumbnail extends Canvas {
    private static final Color[] CLASS_COLORS = {Color.web("#1f6fb4"), Color.web("#d64f2a"), Color.web("#2e8b57"),
        Color.web("#7b3fa0"), Color.web("#b08d1a"), Color.web("#17becf"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#8c564b")};

    DatasetThumbnail() {
        super(264, 70);
        setId("thumbnail");
        Tooltip.install(this, new Tooltip("Sample inputs of the chosen dataset (a scatter of the first two "
                + "coordinates for synthetic data), coloured by class."));
        message("loading preview …");
    }

    void message(String text) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFill(Color.GRAY);
        g.fillText(text, 4, getHeight() / 2);
    }

    void show(Preview p) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (p.isImage()) {
            int perRow = (p.images().length + 1) / 2;
            double cell = Math.min(getHeight() / 2, getWidth() / perRow) - 2;
            for (int i = 0; i < p.images().length; i++) {
                g.drawImage(image(p, p.images()[i]), (i % perRow) * (cell + 2) + 1, (i / perRow) * (cell + 2) + 1,
                        cell, cell);
            }
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.x().length; i++) {
            minX = Math.min(minX, p.x()[i]);
            maxX = Math.max(maxX, p.x()[i]);
            minY = Math.min(minY, p.y()[i]);
            maxY = Math.max(maxY, p.y()[i]);
        }
        double w = getHeight() * 1.6;
        double h = getHeight() - 4;
        for (int i = 0; i < p.x().length; i++) {
            double px = 2 + (maxX > minX ? (p.x()[i] - minX) / (maxX - minX) : 0.5) * (w - 4);
            double py = 2 + (maxY > minY ? 1 - (p.y()[i] - minY) / (maxY - minY) : 0.5) * h;
            g.setFill(CLASS_COLORS[p.labels()[i] % CLASS_COLORS.length]);
            g.fillOval(px - 1.5, py - 1.5, 3, 3);
        }
        g.setFill(Color.GRAY);
        g.fillText(p.classes() + " classes, first two coordinates", w + 6, getHeight() / 2);
    }

    private static WritableImage image(Preview p, double[] v) {
        WritableImage img = new WritableImage(p.width(), p.height());
        PixelWriter w = img.getPixelWriter();
        int plane = p.width() * p.height();
        for (int r = 0; r < p.height(); r++) {
            for (int c = 0; c < p.width(); c++) {
                int at = r * p.width() + c;
                if (p.channels() >= 3) {
                    w.setColor(c, r, Color.color(v[at], v[plane + at], v[2 * plane + at]));
                } else {
                    w.setColor(c, r, Color.gray(1 - v[at]));
                }
            }
        }
        return img;
    }
}
