package org.jacobianlens.app.session;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.app.json.ConfigUpgrade;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.run.WeightFrame;
import org.jacobianlens.core.theory.BoundReport;

/**
 * Brings a session tree written by an older version of format 1 up to the current records, so old files keep
 * opening: fields added to a record since get the value that reproduces what the old version did.
 *
 * <ul>
 *   <li>the run configuration of each lane: as {@link ConfigUpgrade} (precision, analysis share, bias input, block
 *       kernel, centered label energies).</li>
 *   <li>{@code framesTaken} (recorded results): older versions kept every frame they took, so the number of
 *       frames in the file.</li>
 *   <li>{@code decisions} (recorded results): older versions drew no decision maps, so none.</li>
 *   <li>{@code kernel} and {@code learningRateSource} (the run's facts): older versions analysed the block-averaged
 *       kernel of a K-output network (J Jᵀ for one output) and did not record how η was found.</li>
 *   <li>{@code predictedLossError} and {@code restEnergies} (the H∞ theory): older versions computed every
 *       eigenpair of H∞, so the predicted loss was exact and no label energy lay outside them: zeros.</li>
 *   <li>{@code truncatedTrainAcc}, {@code truncatedTestAcc} (weight frames) and {@code pintoGamma},
 *       {@code pintoMarginLoss} (their bound proxies): older versions did not truncate the network, so NaN, "not
 *       recorded". Their Pinto term becomes NaN as well: it was computed with the untruncated numerical rank, a
 *       different quantity from the one the term now names (the truncated network's, at the energy rank), and a
 *       number under the wrong name would be worse than none.</li>
 * </ul>
 */
final class SessionUpgrade {
    private SessionUpgrade() {
    }

    /** Fills what is missing, in place; whether anything was. */
    static boolean upgrade(ObjectNode session) {
        boolean changed = false;
        JsonNode lanes = session.get("lanes");
        if (lanes == null || !lanes.isArray()) {
            return false; // reported by the binding, with its position
        }
        for (JsonNode lane : lanes) {
            changed |= ConfigUpgrade.upgrade(lane.get("config"));
            if (lane.get("snapshot") instanceof ObjectNode snapshot && !snapshot.has("framesTaken")
                    && hasField(Snapshot.class, "framesTaken")
                    && snapshot.get("frames") instanceof ArrayNode frames) {
                snapshot.put("framesTaken", frames.size());
                changed = true;
            }
            if (lane.get("snapshot") instanceof ObjectNode snapshot && snapshot.get("info") instanceof ObjectNode info
                    && !info.has("kernel")) {
                boolean oneOutput = info.path("numClasses").asInt(2) <= 2;
                info.put("kernel", oneOutput ? "NTK Θ = J Jᵀ, n × n (one output)"
                        : "block-averaged NTK (1/K)Σ_k Θ^(k,k), n × n (written by an older version)");
                info.put("learningRateSource", "not recorded (written by an older version)");
                changed = true;
            }
            if (lane.get("snapshot") instanceof ObjectNode snapshot
                    && snapshot.get("theory") instanceof ObjectNode theory && !theory.has("predictedLossError")
                    && theory.get("predictedLoss") instanceof ArrayNode loss) {
                ArrayNode zeros = theory.putArray("predictedLossError");
                loss.forEach(v -> zeros.add(0.0));
                theory.putArray("restEnergies").add(0.0).add(0.0);
                changed = true;
            }
            if (lane.get("snapshot") instanceof ObjectNode snapshot && !snapshot.has("decisions")
                    && hasField(Snapshot.class, "decisions")) {
                snapshot.putArray("decisions");
                changed = true;
            }
            if (lane.get("snapshot") instanceof ObjectNode snapshot && snapshot.get("weights") instanceof ArrayNode w) {
                changed |= upgradeWeights(w);
            }
        }
        return changed;
    }

    private static boolean upgradeWeights(ArrayNode frames) {
        boolean changed = false;
        for (JsonNode f : frames) {
            if (!(f instanceof ObjectNode frame)) {
                continue; // reported by the binding
            }
            if (!frame.has("truncatedTrainAcc") && hasField(WeightFrame.class, "truncatedTrainAcc")) {
                frame.put("truncatedTrainAcc", Double.NaN);
                frame.put("truncatedTestAcc", Double.NaN);
                changed = true;
            }
            if (frame.get("bounds") instanceof ObjectNode bounds && !bounds.has("pintoGamma")
                    && hasField(BoundReport.class, "pintoGamma")) {
                bounds.put("pintoGamma", Double.NaN);
                bounds.put("pintoMarginLoss", Double.NaN);
                bounds.put("log10Pinto", Double.NaN);
                changed = true;
            }
        }
        return changed;
    }

    /** Whether the current record has the field: a default is only filled in where there is a field to take it. */
    private static boolean hasField(Class<? extends Record> type, String name) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }
}
