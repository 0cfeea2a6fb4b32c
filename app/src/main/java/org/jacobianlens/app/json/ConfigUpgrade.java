package org.jacobianlens.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.core.model.Precision;

/**
 * Brings a run configuration ({@code RunConfig} as JSON) written by an older version up to the current record, so
 * saved sessions and sweeps keep opening: each field added since gets the value that reproduces what the old
 * version did.
 *
 * <ul>
 *   <li>{@code precision}: older versions trained in double precision, so {@code FLOAT64}.</li>
 *   <li>{@code analysisShare}: older versions took analysis frames only at the fixed cadence, so 0.</li>
 *   <li>{@code data.biasInput}: older versions never appended a constant coordinate, so false.</li>
 *   <li>{@code blockKernel}: older versions analysed the block-averaged kernel of a K-output network, so true.</li>
 *   <li>{@code centerLabels}: older versions showed the energy of the labels as they are, so false.</li>
 * </ul>
 */
public final class ConfigUpgrade {
    private ConfigUpgrade() {
    }

    /** Fills what is missing, in place; whether anything was. Anything that is not an object is left as it is. */
    public static boolean upgrade(JsonNode config) {
        if (!(config instanceof ObjectNode c)) {
            return false; // reported by the binding, with its position
        }
        boolean changed = false;
        if (!c.has("precision")) {
            c.put("precision", Precision.FLOAT64.name());
            changed = true;
        }
        if (!c.has("analysisShare")) {
            c.put("analysisShare", 0.0);
            changed = true;
        }
        if (!c.has("blockKernel")) {
            c.put("blockKernel", true);
            changed = true;
        }
        if (!c.has("centerLabels")) {
            c.put("centerLabels", false);
            changed = true;
        }
        if (c.get("data") instanceof ObjectNode data && !data.has("biasInput")) {
            data.put("biasInput", false);
            changed = true;
        }
        return changed;
    }
}
