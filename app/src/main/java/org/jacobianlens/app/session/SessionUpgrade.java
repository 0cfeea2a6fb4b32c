package org.jacobianlens.app.session;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.app.json.ConfigUpgrade;
import org.jacobianlens.core.run.Snapshot;

/**
 * Brings a session tree written by an older version of format 1 up to the current records, so old files keep
 * opening: fields added to a record since get the value that reproduces what the old version did.
 *
 * <ul>
 *   <li>the run configuration of each lane: as {@link ConfigUpgrade} (precision, analysis share, bias input).</li>
 *   <li>{@code framesTaken} (recorded results): older versions kept every frame they took, so the number of
 *       frames in the file.</li>
 *   <li>{@code decisions} (recorded results): older versions drew no decision maps, so none.</li>
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
            if (lane.get("snapshot") instanceof ObjectNode snapshot && !snapshot.has("decisions")
                    && hasField(Snapshot.class, "decisions")) {
                snapshot.putArray("decisions");
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
