package org.jacobianlens.core.decision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Synthetic;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DecisionGridTest {

    private static DatasetSpec spirals(boolean center, boolean unitNorm) {
        return spirals(center, unitNorm, false);
    }

    private static DatasetSpec spirals(boolean center, boolean unitNorm, boolean bias) {
        return new DatasetSpec("spirals", null, 60, 10, 0.2, center, unitNorm, bias, 7);
    }

    /**
     * Each cell holds the network's own prediction at its centre, preprocessed here by hand like a training row:
     * centered, with the constant b (the centered training rows' RMS norm) appended, then scaled to unit norm.
     */
    @ParameterizedTest
    @CsvSource({"false,false,false", "false,true,false", "true,true,false", "true,false,false", "false,false,true",
        "false,true,true", "true,true,true"})
    void cellsHoldTheNetworksPredictionAtTheirCentres(boolean center, boolean unitNorm, boolean bias)
            throws DatasetException {
        DatasetSpec spec = spirals(center, unitNorm, bias);
        PreparedData data = DataFactory.prepare(spec);
        assertEquals(bias ? 3 : 2, data.dim());
        DatasetSpec raw = spirals(false, false);
        double[][] plane = DataFactory.prepare(raw).trainX();
        double mx = 0;
        double my = 0;
        for (double[] p : plane) {
            mx += p[0] / plane.length;
            my += p[1] / plane.length;
        }
        double sq = 0;
        for (double[] p : plane) {
            sq += Math.pow(p[0] - (center ? mx : 0), 2) + Math.pow(p[1] - (center ? my : 0), 2);
        }
        double b = Math.sqrt(sq / plane.length);
        DecisionGrid grid = DecisionGrid.of(spec, data, 9);
        assertNotNull(grid, "a grid over the plane, also with the third (constant) coordinate");
        try (TwoLayerNetwork net = new TwoLayerNetwork(data.dim(), 64, 1, 1.0, 0.1, 11)) {
            DecisionMap map = grid.map(5, net);
            assertEquals(5, map.step());
            assertEquals(9 * 9, map.values().length);
            for (int j = 0; j < 9; j++) {
                for (int i = 0; i < 9; i++) {
                    double x = map.cellX(i) - (center ? mx : 0);
                    double y = map.cellY(j) - (center ? my : 0);
                    double[] row = bias ? new double[] {x, y, b} : new double[] {x, y};
                    double norm = unitNorm ? Math.sqrt(x * x + y * y + (bias ? b * b : 0)) : 1;
                    for (int k = 0; k < row.length; k++) {
                        row[k] /= norm;
                    }
                    double expected = net.predict(new double[][] {row})[0][0];
                    assertEquals(expected, map.value(i, j, 0), 1e-9 * (1 + Math.abs(expected)),
                            "cell " + i + "," + j);
                }
            }
            // The training points sit in the plane where the raw data put them, inside the map.
            for (int p = 0; p < plane.length; p++) {
                assertEquals(plane[p][0], map.pointX()[p], 0);
                assertEquals(plane[p][1], map.pointY()[p], 0);
                assertTrue(map.pointX()[p] > map.xMin() && map.pointX()[p] < map.xMax());
                assertTrue(map.pointY()[p] > map.yMin() && map.pointY()[p] < map.yMax());
            }
            assertArrayEquals(data.corrupted(), map.corrupted());
            assertArrayEquals(data.trainLabels(), map.labels());
        }
    }

    /** The grid's preprocessing, applied to the training points' plane coordinates, gives the rows trained on. */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void planePreprocessingReproducesTheTrainingRows(boolean bias) throws DatasetException {
        DatasetSpec spec = spirals(true, true, bias);
        PreparedData data = DataFactory.prepare(spec);
        double[][] plane = DataFactory.prepare(spirals(false, false)).trainX();
        double[][] again = DecisionGrid.preprocess(plane, plane, spec);
        for (int i = 0; i < plane.length; i++) {
            assertArrayEquals(data.trainX()[i], again[i], 1e-12);
        }
    }

    @Test
    void noGridForDataThatIsNotTwoDimensional() throws DatasetException {
        DatasetSpec spec = new DatasetSpec("blobs:dim=5", null, 30, 5, 0, false, true, false, 1);
        assertNull(DecisionGrid.of(spec, DataFactory.prepare(spec), 9));
        DatasetSpec withBias = spec.withPreprocessing(false, true, true);
        assertNull(DecisionGrid.of(withBias, DataFactory.prepare(withBias), 9), "5 features and a constant");
        DatasetSpec line = new DatasetSpec("blobs:dim=1", null, 30, 5, 0, false, false, true, 1);
        assertNull(DecisionGrid.of(line, DataFactory.prepare(line), 9), "1 feature and a constant is not a plane");
        assertTrue(Synthetic.isSynthetic("spirals"));
    }
}
