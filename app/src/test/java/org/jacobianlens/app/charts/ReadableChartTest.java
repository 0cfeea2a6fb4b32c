package org.jacobianlens.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ReadableChartTest {
    private static final String FULL = "share of label energy (vᵢᵀy)²/‖y‖²";

    /** Presentation mode in a small panel shortens a long axis label; leaving it brings the full label back. */
    @Test
    void aShortenedAxisLabelComesBackWhenThereIsRoomAgain() {
        NumberAxis y = ChartKit.axis(FULL, false);
        ReadableChart.shortLabel(y, "energy share");
        ReadableChart c = new ReadableChart("Label energy", new XYPlot(new XYSeriesCollection(),
                ChartKit.axis("eigenvector i", true), y, null));
        c.restyle(640, 420);
        assertEquals(FULL, y.getLabel());
        c.setPresentation(true);
        c.restyle(640, 420);
        assertEquals("energy share", y.getLabel(), "doubled fonts: the full label would not fit along the axis");
        c.setPresentation(false);
        c.restyle(640, 420);
        assertEquals(FULL, y.getLabel());
        c.setPresentation(true);
        c.restyle(640, 420);
        assertEquals("energy share", y.getLabel(), "and again");
    }

    /** A panel that sets a new label keeps it (the chart does not put back an old one). */
    @Test
    void aLabelThePanelChangesIsTheNewFullLabel() {
        NumberAxis y = ChartKit.axis("singular value σᵢ of J", false);
        ReadableChart.shortLabel(y, "σᵢ");
        ReadableChart c = new ReadableChart("Spectrum", new XYPlot(new XYSeriesCollection(), ChartKit.axis("i",
                true), y, null));
        c.restyle(640, 420);
        y.setLabel("NTK eigenvalue λᵢ");
        ReadableChart.shortLabel(y, "λᵢ");
        c.restyle();
        assertEquals("NTK eigenvalue λᵢ", y.getLabel());
    }
}
