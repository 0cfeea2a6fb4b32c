package org.jacobianlens.app.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jacobianlens.app.session.Session;
import org.jacobianlens.app.session.SessionLane;
import org.jacobianlens.core.run.Comparison;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jacobianlens.core.run.Lane;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.Snapshot;

/**
 * Converts between the view-model's state and a saved {@link Session}. The knob-varied values of a comparison
 * (noise, width, learning rate) live in the lanes; the user's own values are kept as view options so that
 * reopening restores the controls exactly.
 */
public final class SessionBridge {
    static final String NOISE = "settings.noise";
    static final String WIDTH = "settings.width";
    static final String RATE = "settings.learningRate";

    private SessionBridge() {
    }

    /** The current work: settings, mode, the recorded histories (if any) and the given view options. */
    public static Session capture(LensViewModel vm, Map<String, String> view, String preset) {
        Settings s = vm.settings();
        List<Lane> lanes = vm.lanes();
        GroupSnapshot g = vm.latestProperty().get();
        List<SessionLane> out = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            Snapshot snap = g != null && g.size() == lanes.size() ? g.lane(i) : null;
            RunConfig c = lanes.get(i).config();
            if (snap != null) {
                // Record the step size the run really used (an automatic or relative η resolved at start).
                c = c.withTraining(snap.info().learningRate(), c.optimizer(), c.loss(), c.batchSize());
            }
            out.add(new SessionLane(lanes.get(i).label(), c, snap));
        }
        Map<String, String> v = new LinkedHashMap<>(view);
        v.put(NOISE, Double.toString(s.noise()));
        v.put(WIDTH, Integer.toString(s.width()));
        v.put(RATE, Double.toString(s.learningRate()));
        Comparison.Knob k = vm.compareKnobProperty().get();
        return Session.of(k == null ? Session.SINGLE : Session.COMPARE, knobName(k), preset, v, out);
    }

    /** Puts a session's settings, mode and recorded histories into the view-model (shown, not resumed). */
    public static void restore(LensViewModel vm, Session session) {
        Settings s = Settings.fromConfig(session.lanes().get(0).config());
        Map<String, String> v = session.view();
        if (v.containsKey(NOISE)) {
            s = s.withNoise(Double.parseDouble(v.get(NOISE)));
        }
        if (v.containsKey(WIDTH)) {
            s = s.withModel(s.model(), Integer.parseInt(v.get(WIDTH)), s.depth());
        }
        if (v.containsKey(RATE)) {
            s = s.withTraining(Double.parseDouble(v.get(RATE)), s.optimizer(), s.loss());
        }
        vm.restore(s, knob(session.knob()), session.recorded());
    }

    static String knobName(Comparison.Knob k) {
        if (k == null) {
            return null;
        }
        return switch (k) {
            case NOISE -> "noise";
            case WIDTH -> "width";
            case LEARNING_RATE -> "learning-rate";
        };
    }

    /** The knob a session or preset names ("noise", "width", "learning-rate"). */
    public static Comparison.Knob knobOf(String name) {
        return knob(name);
    }

    static Comparison.Knob knob(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "noise" -> Comparison.Knob.NOISE;
            case "width" -> Comparison.Knob.WIDTH;
            case "learning-rate" -> Comparison.Knob.LEARNING_RATE;
            default -> throw new IllegalArgumentException("unknown knob " + name);
        };
    }
}
