package org.jacobianlens.app.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.jacobianlens.app.build.Versions;
import org.jacobianlens.app.export.PanelCsv;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.linalg.NativeSettings;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;
import org.jacobianlens.core.run.WeightFrame;
import org.jacobianlens.core.theory.BoundReport;
import org.jacobianlens.core.theory.LayerStats;
import org.jacobianlens.core.theory.WeightAnalysis;

/**
 * Writes a finished run's files (run.json, train.csv, curves.csv, spectrum.csv, projections.csv, theory.csv,
 * alignment.csv, weights.csv and, when the linearized twin ran, linear.csv).
 */
final class RunWriter {
    private RunWriter() {
    }

    /** Writes every file into {@code dir} (the temporary folder of an {@code OutputFolder}). */
    static void writeAll(Path dir, RunConfig config, PreparedData data, Snapshot s, double seconds) throws IOException {
        writeTrain(dir.resolve("train.csv"), data);
        writeCurves(dir.resolve("curves.csv"), s.curves());
        writeSpectrum(dir, s);
        writeTheory(dir.resolve("theory.csv"), s.theory());
        writeAlignment(dir.resolve("alignment.csv"), s, config.cutoffFraction());
        writeWeights(dir.resolve("weights.csv"), s);
        if (s.linear() != null) {
            writeCurves(dir.resolve("linear.csv"), s.linear());
        }
        writeJson(dir.resolve("run.json"), config, data, s, seconds);
    }

    private static void atomically(Path file, AtomicFiles.TextBody body) throws IOException {
        AtomicFiles.writeText(file, body);
    }

    /** Same number format as the app's panel exports: full precision, NaN as an empty cell. */
    private static String num(double v) {
        return PanelCsv.cell(v);
    }

    private static void writeTrain(Path file, PreparedData d) throws IOException {
        atomically(file, w -> {
            StringBuilder h = new StringBuilder();
            for (int j = 0; j < d.dim(); j++) {
                h.append('x').append(j).append(',');
            }
            w.write(h.append("label,clean_label\n").toString());
            for (int i = 0; i < d.nTrain(); i++) {
                StringBuilder row = new StringBuilder();
                for (double v : d.trainX()[i]) {
                    row.append(num(v)).append(',');
                }
                row.append(d.trainLabels()[i]).append(',').append(d.cleanTrainLabels()[i]).append('\n');
                w.write(row.toString());
            }
        });
    }

    private static void writeCurves(Path file, Curves c) throws IOException {
        atomically(file, w -> {
            w.write("step,train_loss,test_loss,train_acc,test_acc,clean_loss,corrupted_loss,clean_acc,corrupted_acc\n");
            for (int i = 0; i < c.size(); i++) {
                w.write(PanelCsv.curvesRow(c, i) + "\n");
            }
        });
    }

    private static void writeSpectrum(Path dir, Snapshot s) throws IOException {
        atomically(dir.resolve("spectrum.csv"), w -> {
            w.write("step,index,eigenvalue\n");
            for (AnalysisFrame f : s.frames()) {
                for (int i = 0; i < f.eigenvalues().length; i++) {
                    w.write(f.step() + "," + (i + 1) + "," + num(f.eigenvalues()[i]) + "\n");
                }
            }
        });
        atomically(dir.resolve("projections.csv"), w -> {
            w.write("step,index,eigenvalue,projection_noisy,projection_clean,projection_residual\n");
            for (AnalysisFrame f : s.frames()) {
                for (int i = 0; i < f.eigenvalues().length; i++) {
                    w.write(f.step() + "," + (i + 1) + "," + num(f.eigenvalues()[i]) + "," + num(f.projNoisy()[i])
                            + "," + num(f.projClean()[i]) + "," + num(f.projResidual()[i]) + "\n");
                }
            }
        });
    }

    /**
     * Per analysis frame: alignment, centered alignment, kernel drift, the residual's information/nuisance split as
     * squared norms ‖P r‖² (they sum to ‖f − y‖²), and which eigenpairs were computed: {@code eigenpairs} (n when
     * all), {@code label_energy_rest} the trained labels' share outside them (0 when all), {@code solver}.
     */
    private static void writeAlignment(Path file, Snapshot s, double cutoff) throws IOException {
        atomically(file, w -> {
            w.write("step,alignment,centered_alignment,kernel_drift,info_space_size,residual_info_sq,"
                    + "residual_nuisance_sq,label_energy_info,eigenpairs,label_energy_rest,solver\n");
            for (AnalysisFrame f : s.frames()) {
                double[] split = f.residualSplit(cutoff);
                int k = f.countAbove(cutoff);
                w.write(f.step() + "," + num(f.alignment()) + "," + num(f.centeredAlignment()) + ","
                        + num(f.kernelDrift()) + "," + k + "," + num(split[0]) + "," + num(split[1]) + ","
                        + num(f.energyNoisy(k)) + "," + f.k() + "," + num(f.restShareNoisy()) + "," + f.solver()
                        + "\n");
            }
        });
    }

    /**
     * The rank columns name their tolerance: the numerical rank #{σᵢ > τσ₁} at
     * τ = {@link WeightAnalysis#DEFAULT_TAU} and the energy rank at {@link WeightAnalysis#ENERGY_FRACTION} of ‖W‖_F²,
     * the rank Pinto et al.'s term uses.
     */
    static final String WEIGHTS_HEADER = "step,layer,spectral_norm,frobenius,stable_rank,numerical_rank_tau_"
            + WeightAnalysis.DEFAULT_TAU + ",energy_rank_" + Math.round(100 * WeightAnalysis.ENERGY_FRACTION) + "pct,"
            + "relative_movement,gamma,margin_loss,log10_bartlett,log10_neyshabur,log10_golowich,"
            + "log10_pinto_truncated,truncated_gamma,truncated_margin_loss,truncated_train_acc,truncated_test_acc";

    /**
     * Per analysis frame and layer: norms and ranks; per frame (layer = "all") the margin, the log10 bound proxies
     * (biases left out of all four) and the network truncated to the energy rank of every layer, for which the Pinto
     * term is evaluated: its margin, margin loss and accuracies.
     */
    private static void writeWeights(Path file, Snapshot s) throws IOException {
        atomically(file, w -> {
            w.write(WEIGHTS_HEADER + "\n");
            for (WeightFrame f : s.weights()) {
                for (int l = 0; l < f.layers().length; l++) {
                    LayerStats ls = f.layers()[l];
                    w.write(f.step() + "," + (l + 1) + "," + num(ls.spectralNorm()) + "," + num(ls.frobenius()) + ","
                            + num(ls.stableRank()) + "," + ls.numericalRank() + "," + ls.energyRank() + ","
                            + num(ls.relativeMovement()) + ",,,,,,,,,,\n");
                }
                BoundReport b = f.bounds();
                w.write(f.step() + ",all,,,,,,," + num(b.gamma()) + "," + num(b.marginLoss()) + ","
                        + num(b.log10Bartlett()) + "," + num(b.log10Neyshabur()) + "," + num(b.log10Golowich()) + ","
                        + num(b.log10Pinto()) + "," + num(b.pintoGamma()) + "," + num(b.pintoMarginLoss()) + ","
                        + num(f.truncatedTrainAcc()) + "," + num(f.truncatedTestAcc()) + "\n");
            }
        });
    }

    /**
     * H∞ rows (eigenvalue and label projections) and predicted rows: Arora et al.'s linearized loss divided by n, the
     * per-example mean ½‖u(k) − y‖²/n (the units of curves.csv's train_loss), starting from the network's initial
     * outputs u₀ (r₀ = y − u₀): the column name says both. predicted_loss_error bounds |exact − predicted| (0
     * when every eigenpair of H∞ was computed; past the dense limit the quadrature bracket of the part beyond the top
     * k), and an hinf_rest row holds the label energy outside the top k.
     */
    private static void writeTheory(Path file, Theory t) throws IOException {
        atomically(file, w -> {
            w.write("kind,index_or_step,eigenvalue,projection_noisy,projection_clean,"
                    + (t == null || t.includesInitialOutput() ? "predicted_mean_loss_from_u0"
                    : "predicted_mean_loss_from_zero") + ",predicted_loss_error\n");
            if (t == null) {
                return;
            }
            for (int i = 0; i < t.eigenvalues().length; i++) {
                w.write("hinf," + (i + 1) + "," + num(t.eigenvalues()[i]) + "," + num(t.projNoisy()[i]) + ","
                        + num(t.projClean()[i]) + ",,\n");
            }
            if (t.restEnergies()[0] > 0 || t.restEnergies()[1] > 0) {
                // Past the dense limit only the top k eigenpairs exist: the label energy outside them, in one row.
                w.write("hinf_rest,," + "," + num(t.restEnergies()[0]) + "," + num(t.restEnergies()[1]) + ",,\n");
            }
            for (int i = 0; i < t.predictedSteps().length; i++) {
                if (!Double.isFinite(t.predictedLoss()[i])) {
                    // With a step past 2/λ_max the predicted loss grows geometrically and overflows; the rows end
                    // there rather than write "Infinity" (run.json's final state says the run diverged).
                    break;
                }
                w.write("predicted," + t.predictedSteps()[i] + ",,,," + num(t.predictedLoss()[i]) + ","
                        + num(t.predictedLossError()[i]) + "\n");
            }
        });
    }

    /** What train.csv's label columns hold (run.json's data.labels). */
    static final String LABELS = "train.csv label (trained on) and clean_label are class indices 0..K-1 into "
            + "classes and source_classes, not source class ids";

    /** run.json's bounds: the last weight frame, or null when the run recorded none. */
    private static RunSummary.BoundFacts bounds(Snapshot s) {
        if (s.weights().isEmpty()) {
            return null;
        }
        WeightFrame f = s.weights().get(s.weights().size() - 1);
        BoundReport b = f.bounds();
        int[] numerical = new int[f.layers().length];
        int[] energy = new int[f.layers().length];
        for (int l = 0; l < numerical.length; l++) {
            numerical[l] = f.layers()[l].numericalRank();
            energy[l] = f.layers()[l].energyRank();
        }
        return new RunSummary.BoundFacts(f.step(), "left out of all four proxies (each bound is stated for "
                + "bias-free layers); the truncated network keeps them", WeightAnalysis.DEFAULT_GAMMA_QUANTILE,
                "energy rank r: the fewest singular values holding energy_fraction of ||W||_F^2; the Pinto term is "
                        + "for the network with every layer truncated to rank r (Eckart-Young), evaluated at that "
                        + "network's margin truncated_gamma",
                WeightAnalysis.ENERGY_FRACTION, WeightAnalysis.DEFAULT_TAU, numerical, energy, b.gamma(),
                b.log10Bartlett(), b.log10Neyshabur(), b.log10Golowich(), b.log10Pinto(), b.pintoGamma(),
                f.truncatedTrainAcc(), f.truncatedTestAcc());
    }

    private static void writeJson(Path file, RunConfig c, PreparedData d, Snapshot s, double seconds)
            throws IOException {
        RunSummary.Data data = new RunSummary.Data(d.name(), d.classNames(), d.originalClasses(), d.nTrain(),
                d.nTest(), d.dim(), d.preprocessing(), d.corruptedCount(), d.changedCount(), LABELS,
                d.numClasses() == 2 ? "scalar: class index 0 (classes[0]) trained as -1, index 1 as +1" : "one-hot");
        Theory t = s.theory();
        RunSummary.TheoryFacts theory = t == null ? null : new RunSummary.TheoryFacts(t.complexityNoisy(),
                t.complexityClean(), "sqrt(2 y^T (Hinf + ridge I)^-1 y / n) on the analysed examples", t.ridge(),
                t.vacuous(), t.minEigenvalue(), t.includesInitialOutput());
        RunSummary summary = new RunSummary(RunSummary.FORMAT, 1, c, data, s.info(), s.state(), s.message(),
                s.step(), seconds, theory, bounds(s),
                Versions.of(c.precision(), NativeSettings.describe(System.getenv())));
        byte[] json = Json.MAPPER.writeValueAsBytes(summary);
        AtomicFiles.write(file, json);
    }
}
