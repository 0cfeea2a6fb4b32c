package org.jacobianlens.app.session;

import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;

/**
 * One run of a saved session: its label, the configuration that reproduces it and, optionally, the recorded
 * results (so a session opens with its pictures without retraining).
 *
 * @param label    display name of the lane (e.g. "clean labels")
 * @param config   the run's full configuration
 * @param snapshot recorded results, or {@code null} for a settings-only session
 */
public record SessionLane(String label, RunConfig config, Snapshot snapshot) {

    public SessionLane {
        if (label == null) {
            throw new IllegalArgumentException("a lane needs a label");
        }
        if (config == null) {
            throw new IllegalArgumentException("lane '" + label + "' has no run configuration");
        }
    }

    /** The same lane without its recorded results. */
    public SessionLane withoutSnapshot() {
        return new SessionLane(label, config, null);
    }
}
