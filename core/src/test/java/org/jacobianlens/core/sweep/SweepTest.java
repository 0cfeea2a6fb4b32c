package org.jacobianlens.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.linalg.Eigen;
import org.jacobianlens.core.linalg.SymmetricEigen;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.TwoLayerNetwork;
import org.jacobianlens.core.ntk.TwoLayerKernel;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.TrainingRun;
import org.jacobianlens.core.model.Precision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SweepTest {

    /** Digits 3 vs 5 (±1 targets), unit norm, not centered: the RE4–RE6 setting at a test-friendly size. */
    private static RunConfig digits(int n, int width, int steps) {
        return RunConfig.defaults()
                .withData(new DatasetSpec("digits", new int[] {3, 5}, n, 100, 0.0, false, true, false, 3))
                .withModel(RunConfig.ModelKind.TWO_LAYER, width, 1)
                .withStop(steps, 0)
                .withAnalysis(100, n, 0.1)
                .withSeed(7)
                .withPrecision(Precision.FLOAT64); // a science test: the reference numbers are double
    }

    private static class Recorder implements SweepListener {
        final List<SweepPoint> points = new ArrayList<>();
        final List<int[]> progress = new ArrayList<>();

        @Override
        public void progress(int pointIndex, int step, int maxSteps) {
            progress.add(new int[] {pointIndex, step, maxSteps});
        }

        @Override
        public void point(SweepPoint p) {
            points.add(p);
        }
    }

    /**
     * RE5/RE6 trends on one seed: more label noise gives a larger Arora complexity and less label energy on the top
     * eigenvectors, and slower training (RE4). Also checks that the listener sees points in order as they finish.
     */
    @Tag("slow") // about 10 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void noiseSweepShowsRisingComplexityAndFallingTopEnergy() throws DatasetException {
        SweepSpec spec = new SweepSpec(digits(100, 512, 300), SweepSpec.Kind.NOISE, new double[] {0, 0.5, 1}, 10, 0.1);
        Recorder rec = new Recorder();
        List<SweepPoint> pts = Sweep.run(spec, rec, () -> false);

        assertEquals(pts, rec.points);
        assertEquals(3, pts.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(spec.values()[i], pts.get(i).value());
            assertEquals(RunState.FINISHED, pts.get(i).state());
            assertEquals(300, pts.get(i).steps());
        }
        int prevIndex = 0;
        int prevStep = 0;
        for (int[] p : rec.progress) {
            assertTrue(p[0] == prevIndex + 1 || p[0] == prevIndex && p[1] > prevStep, "points in order, steps grow");
            assertEquals(300, p[2]);
            prevIndex = p[0];
            prevStep = p[1];
        }
        assertEquals(2, prevIndex);

        double c0 = pts.get(0).complexity();
        double c5 = pts.get(1).complexity();
        double c1 = pts.get(2).complexity();
        assertTrue(c0 < c5 && c5 < c1, "complexity rises with p: " + c0 + ", " + c5 + ", " + c1);
        assertTrue(c1 > 2 * c0, "random labels are far more complex: " + c0 + " vs " + c1);

        double e0 = pts.get(0).energyTopInit();
        double e5 = pts.get(1).energyTopInit();
        double e1 = pts.get(2).energyTopInit();
        assertTrue(e0 > e5 && e5 > e1, "top-10 energy falls with p: " + e0 + ", " + e5 + ", " + e1);
        assertTrue(e0 - e1 > 0.3, "clean labels concentrate on the top: " + e0 + " vs " + e1);
        assertTrue(pts.get(0).energyInfoInit() > pts.get(2).energyInfoInit());

        // RE4: clean labels reach 10 % of the initial loss, random labels later or never (measured and predicted).
        SweepPoint clean = pts.get(0);
        SweepPoint random = pts.get(2);
        assertTrue(clean.stepsToThreshold() > 0, "clean labels reach the threshold");
        assertTrue(random.stepsToThreshold() == -1 || random.stepsToThreshold() > 2 * clean.stepsToThreshold());
        assertTrue(clean.predictedStepsToThreshold() > 0);
        assertTrue(random.predictedStepsToThreshold() == -1
                || random.predictedStepsToThreshold() > 5 * clean.predictedStepsToThreshold());
        assertTrue(clean.trainError() < random.trainError());
        assertTrue(clean.testError() < 0.2, "clean 3-vs-5 generalizes: " + clean.testError());
    }

    /** Each number of one point against a computation from scratch: eigendecompositions, formulas, a rerun. */
    @Tag("slow") // about 8 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void pointNumbersMatchIndependentComputations() throws DatasetException {
        RunConfig base = digits(60, 256, 120).withAnalysis(40, 50, 0.1);
        SweepSpec spec = new SweepSpec(base, SweepSpec.Kind.NOISE, new double[] {0.5}, 5, 0.2);
        SweepPoint p = Sweep.run(spec, SweepListener.NONE, () -> false).get(0);

        RunConfig c = spec.config(0);
        PreparedData data = DataFactory.prepare(c.data());
        double[][] x = java.util.Arrays.copyOf(data.trainX(), 50);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = Targets.encode(new int[] {data.trainLabels()[i]}, 2)[0][0];
        }
        TwoLayerNetwork net = new TwoLayerNetwork(data.dim(), 256, 1, c.kappa(), 1.0, c.seed());
        double[][] w0 = net.weightMatrices()[0];
        double[][] wEnd;
        int[] steps;
        double[] loss;
        try (TrainingRun rerun = new TrainingRun(c, data, 9)) {
            var s = rerun.advance(120);
            wEnd = rerun.weights()[0];
            steps = s.curves().steps();
            loss = s.curves().trainLoss();
        }

        double[][] h0 = TwoLayerKernel.finiteWidth(x, w0);
        double[][] hEnd = TwoLayerKernel.finiteWidth(x, wEnd);
        assertEquals(topEnergy(h0, y, 5), p.energyTopInit(), 1e-9);
        assertEquals(topEnergy(hEnd, y, 5), p.energyTopEnd(), 1e-9);
        assertEquals(alignment(h0, y), p.alignmentInit(), 1e-9);
        assertEquals(alignment(hEnd, y), p.alignmentEnd(), 1e-9);
        assertEquals(centeredAlignment(h0, y), p.centeredAlignmentInit(), 1e-9);
        assertEquals(frobenius(hEnd, h0) / frobenius(h0, new double[50][50]), p.kernelDrift(), 1e-9);

        // Information space: eigenvalues with √λ ≥ 0.1·σ₁.
        double[] lam = SymmetricEigen.eigenvalues(h0);
        int info = 0;
        while (info < lam.length && Math.sqrt(Math.max(lam[info], 0)) >= 0.1 * Math.sqrt(lam[0])) {
            info++;
        }
        assertEquals(info, p.infoCountInit());
        assertEquals(topEnergy(h0, y, info), p.energyInfoInit(), 1e-9);

        // Arora's complexity on H∞ of the analysed inputs.
        Eigen hInf = SymmetricEigen.decompose(TwoLayerKernel.hInfinity(x));
        double q = 0;
        for (int i = 0; i < 50; i++) {
            double proj = dot(hInf.vector(i), y);
            q += proj * proj / hInf.values()[i];
        }
        assertEquals(Math.sqrt(2 * q / 50), p.complexity(), 1e-9 * Math.sqrt(2 * q / 50));

        assertEquals(frobenius(wEnd, w0) / frobenius(w0, new double[w0.length][w0[0].length]), p.weightMovement(),
                1e-12);
        assertEquals(bruteNtkDistance(x, w0), p.ntkDistance(), 1e-9);

        int expected = -1;
        for (int i = 0; i < steps.length && expected < 0; i++) {
            if (loss[i] <= 0.2 * loss[0]) {
                expected = steps[i];
            }
        }
        assertEquals(expected, p.stepsToThreshold());
        assertEquals(loss[loss.length - 1], p.trainLoss(), 0.0);
    }

    /** RE1: the relative distance of H(W₀) from H∞ falls like 1/√m; a slope between −0.75 and −0.25 on log–log. */
    @Tag("slow") // about 12 s of the full run: only in `mvn verify`, not in -Pquick
    @Test
    void widthSweepNtkDistanceFallsLikeInverseSquareRootOfWidth() throws DatasetException {
        RunConfig base = digits(100, 64, 30).withAnalysis(0, 100, 0.1);
        SweepSpec spec = new SweepSpec(base, SweepSpec.Kind.WIDTH, new double[] {64, 256, 1024, 4096}, 10, 0.1);
        List<SweepPoint> pts = Sweep.run(spec, SweepListener.NONE, () -> false);
        assertEquals(4, pts.size());
        double[] lm = new double[4];
        double[] ld = new double[4];
        double[] lw = new double[4];
        for (int i = 0; i < 4; i++) {
            lm[i] = Math.log(pts.get(i).value());
            ld[i] = Math.log(pts.get(i).ntkDistance());
            lw[i] = Math.log(pts.get(i).weightMovement());
        }
        double slope = slope(lm, ld);
        assertTrue(slope > -0.75 && slope < -0.25, "log–log slope " + slope);
        assertTrue(slope(lm, lw) < -0.25, "wider nets move their weights relatively less: " + slope(lm, lw));

        // Point m = 256 against a brute-force H(W₀) built from the same standard-normal draws.
        PreparedData data = DataFactory.prepare(base.data());
        double[][] w0 = new TwoLayerNetwork(data.dim(), 256, 1, base.kappa(), 1.0, base.seed()).weightMatrices()[0];
        double[][] x = java.util.Arrays.copyOf(data.trainX(), 100);
        assertEquals(bruteNtkDistance(x, w0), pts.get(1).ntkDistance(), 1e-9);
    }

    @Test
    void cancellingBetweenPointsKeepsTheFinishedOnes() throws DatasetException {
        AtomicBoolean stop = new AtomicBoolean();
        Recorder rec = new Recorder() {
            @Override
            public void point(SweepPoint p) {
                super.point(p);
                stop.set(true);
            }
        };
        SweepSpec spec = new SweepSpec(digits(40, 64, 30), SweepSpec.Kind.NOISE, new double[] {0, 0.5, 1}, 10, 0.1);
        List<SweepPoint> pts = Sweep.run(spec, rec, stop::get);
        assertEquals(1, pts.size());
        assertEquals(0.0, pts.get(0).value());
        assertTrue(rec.progress.stream().allMatch(p -> p[0] == 0), "the second point never started");
    }

    @Test
    void cancellingInsideAPointAbandonsItWithinAChunk() throws DatasetException {
        AtomicInteger calls = new AtomicInteger();
        Recorder rec = new Recorder() {
            @Override
            public void progress(int pointIndex, int step, int maxSteps) {
                super.progress(pointIndex, step, maxSteps);
                calls.incrementAndGet();
            }
        };
        SweepSpec spec = new SweepSpec(digits(40, 64, 100_000), SweepSpec.Kind.NOISE, new double[] {0, 1}, 10, 0.1);
        List<SweepPoint> pts = Sweep.run(spec, rec, () -> calls.get() >= 3);
        assertTrue(pts.isEmpty());
        assertTrue(rec.points.isEmpty());
        assertEquals(3, rec.progress.size());
        assertEquals(3 * Sweep.CHUNK, rec.progress.get(2)[1]);
    }

    @Test
    void aDivergingPointIsReportedNotThrown() throws DatasetException {
        // A linear MLP with a step far above 2/(cλ_max) blows up (a ReLU net may instead die quietly).
        RunConfig base = digits(40, 16, 2000).withModel(RunConfig.ModelKind.MLP, 16, 1)
                .withActivation(MlpSpec.Activation.IDENTITY)
                .withTraining(50.0, MlpSpec.Optimizer.SGD, MlpSpec.Loss.SQUARED, 0);
        Recorder rec = new Recorder();
        List<SweepPoint> pts = Sweep.run(new SweepSpec(base, SweepSpec.Kind.WIDTH, new double[] {16, 32}, 10, 0.1),
                rec, () -> false);
        assertEquals(2, pts.size());
        assertEquals(pts, rec.points);
        for (SweepPoint p : pts) {
            assertEquals(RunState.DIVERGED, p.state());
            assertTrue(p.message().startsWith("diverged"), p.message());
            assertTrue(p.steps() < 2000);
            assertTrue(Double.isNaN(p.ntkDistance()), "H∞ distance is defined for the two-layer net only");
        }
    }

    @Test
    void specValidatesAndReplacesOnlyTheSweptKnob() {
        RunConfig base = digits(40, 64, 10);
        assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(base, SweepSpec.Kind.NOISE, new double[] {0, 1.5}, 10, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(base, SweepSpec.Kind.WIDTH, new double[] {64, 100.5}, 10, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(base, SweepSpec.Kind.WIDTH, new double[0], 10, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(base.withStop(0, 0), SweepSpec.Kind.NOISE, new double[] {0}, 10, 0.1));
        SweepSpec noise = SweepSpec.of(base, SweepSpec.Kind.NOISE);
        assertEquals(6, noise.size());
        assertEquals(0.6, noise.config(3).data().noise());
        assertEquals(base.data().seed(), noise.config(3).data().seed());
        assertEquals(base.seed(), noise.config(3).seed());
        SweepSpec width = SweepSpec.of(base, SweepSpec.Kind.WIDTH);
        assertEquals(4096, width.config(3).width());
        assertEquals(base.data(), width.config(3).data());
    }

    @Test
    void helpersOnHandCases() {
        assertEquals(3, Sweep.firstStepBelow(new int[] {0, 1, 3, 7}, new double[] {10, 5, 1, 0.5}, 0.1));
        assertEquals(-1, Sweep.firstStepBelow(new int[] {0, 1}, new double[] {10, 5}, 0.1));
        assertEquals(-1, Sweep.firstStepBelow(new int[] {0}, new double[] {Double.NaN}, 0.1));
        // θ₀ = (3, 4 | 0), θ = (3, 1 | 4): ‖Δ‖ = 5, ‖θ₀‖ = 5.
        assertEquals(1.0, Sweep.relativeDistance(new double[][][] {{{3, 1}}, {{4}}},
                new double[][][] {{{3, 4}}, {{0}}}), 1e-15);
    }

    // ---- independent reference computations ----

    private static double bruteNtkDistance(double[][] x, double[][] w) {
        int n = x.length;
        int m = w.length;
        boolean[][] on = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m; r++) {
                on[i][r] = dot(w[r], x[i]) >= 0;
            }
        }
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int both = 0;
                for (int r = 0; r < m; r++) {
                    both += on[i][r] && on[j][r] ? 1 : 0;
                }
                double xx = dot(x[i], x[j]);
                double h = xx * both / m;
                double cos = Math.max(-1, Math.min(1, xx / Math.sqrt(dot(x[i], x[i]) * dot(x[j], x[j]))));
                double hInf = xx * (Math.PI - Math.acos(cos)) / (2 * Math.PI);
                diff += (h - hInf) * (h - hInf);
                ref += hInf * hInf;
            }
        }
        return Math.sqrt(diff / ref);
    }

    private static double topEnergy(double[][] gram, double[] y, int k) {
        Eigen e = SymmetricEigen.decompose(gram);
        double s = 0;
        for (int i = 0; i < k; i++) {
            double p = dot(e.vector(i), y);
            s += p * p;
        }
        return s / dot(y, y);
    }

    private static double alignment(double[][] g, double[] y) {
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            q += y[i] * dot(g[i], y);
        }
        return q / (frobenius(g, new double[y.length][y.length]) * dot(y, y));
    }

    private static double centeredAlignment(double[][] g, double[] y) {
        int n = y.length;
        double[] rowMean = new double[n];
        double all = 0;
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMean[i] += g[i][j] / n;
            }
            all += rowMean[i] / n;
            yMean += y[i] / n;
        }
        double[][] gc = new double[n][n];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - yMean;
            for (int j = 0; j < n; j++) {
                gc[i][j] = g[i][j] - rowMean[i] - rowMean[j] + all; // symmetric: column mean = row mean
            }
        }
        return alignment(gc, yc);
    }

    private static double frobenius(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
            }
        }
        return Math.sqrt(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
