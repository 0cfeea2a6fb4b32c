package org.jacobianlens.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;

import org.jacobianlens.app.charts.CurvesPanel;
import org.jacobianlens.app.charts.DecisionPanel;
import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.ProjectionPanel;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.charts.TheoryPanel;
import org.jacobianlens.app.viewmodel.FrameTween;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.PulseStats;
import org.jacobianlens.app.viewmodel.Timeline;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;

/**
 * Renders the snapshot the timeline shows (the latest while live; intermediate snapshots are skipped), blending
 * analysis frames while a new one fades in, one chart at a time, in turn, and at most one chart every
 * {@value #DRAW_GAP_MILLIS} ms: a JFreeChart redraw costs a few ms on this thread and as much again when the
 * render thread rasterizes it, so drawing all of them in one pulse would stall it, and drawing one on every pulse
 * (60 a second) took a core of a 2-core laptop that training needs. Measured with {@code gui --measure-live=30}
 * under Xvfb on 2 cores: a chart on every pulse gave 108–117 steps/s and a pulse p99 of 39–44 ms; one every other
 * pulse 141–144 steps/s and 29–31 ms, while the spectrum still moves 10–15 times a second.
 */
final class RenderLoop extends AnimationTimer {
    private static final long TWEEN_NANOS = 350_000_000L;
    /** Least time between two chart redraws: every other pulse at 60 Hz. */
    static final long DRAW_GAP_MILLIS = 30;

    /** The panels it draws. */
    record Panels(SpectrumPanel spectrum, ProjectionPanel projections, CurvesPanel curves, TheoryPanel theory,
                  DecisionPanel decision) {
    }

    private static final int PANELS = 5;

    private final LensViewModel vm;
    private final Timeline timeline;
    private final SpectrumPanel spectrum;
    private final ProjectionPanel projections;
    private final CurvesPanel curves;
    private final TheoryPanel theory;
    private final DecisionPanel decision;
    private final BooleanSupplier theoryShown;
    private final BooleanSupplier decisionShown;
    private final Consumer<GroupSnapshot> status;
    private final List<FrameTween> tweens = new ArrayList<>();
    /** Whether a tween was under way at the last pulse. */
    private boolean wasMoving;
    private final PulseStats pulses = new PulseStats(3600);
    private final PulseStats renders = new PulseStats(3600);
    private GroupSnapshot drawn;
    private PanelOptions drawnOptions;
    private long lastPulse;
    private long lastDraw;
    private long pulseCount;
    private boolean dirtyTheory;
    private boolean dirtySpectrum;
    private boolean dirtyProjections;
    private boolean dirtyCurves;
    private boolean dirtyDecision;

    /**
     * @param theoryShown   whether the theory panel is on screen (it is not drawn otherwise)
     * @param decisionShown whether the decision map is on screen (2-D data)
     * @param status        called with the snapshot whenever it or the options changed (the status line)
     */
    RenderLoop(LensViewModel vm, Timeline timeline, Panels panels, BooleanSupplier theoryShown,
               BooleanSupplier decisionShown, Consumer<GroupSnapshot> status) {
        this.vm = vm;
        this.timeline = timeline;
        this.spectrum = panels.spectrum();
        this.projections = panels.projections();
        this.curves = panels.curves();
        this.theory = panels.theory();
        this.decision = panels.decision();
        this.theoryShown = theoryShown;
        this.decisionShown = decisionShown;
        this.status = status;
        vm.latestProperty().addListener((o, a, b) -> {
            if (b == null) {
                tweens.clear();
            }
        });
        vm.view().theoryView().addListener((o, a, b) -> dirtyTheory = true);
        vm.view().theoryPanel().addListener((o, a, b) -> dirtyTheory = true);
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            pulses.add((now - lastPulse) / 1e6);
        }
        lastPulse = now;
        GroupSnapshot s = timeline.shownProperty().get();
        if (s == null) {
            return;
        }
        PanelOptions o = vm.view().panelOptions();
        while (tweens.size() < s.size()) {
            tweens.add(new FrameTween(TWEEN_NANOS));
        }
        boolean fresh = s != drawn || !o.equals(drawnOptions);
        if (s != drawn) {
            for (int i = 0; i < s.size(); i++) {
                AnalysisFrame f = s.lane(i).latestFrame();
                if (f != null) {
                    tweens.get(i).target(f, now);
                }
            }
        }
        boolean moving = false;
        for (int i = 0; i < s.size(); i++) {
            moving |= tweens.get(i).moving(now);
        }
        if (wasMoving && !moving) {
            // the motion just ended: draw the exact frame it ended on (the last draw was a blend short of it)
            dirtySpectrum = true;
            dirtyProjections = true;
        }
        wasMoving = moving;
        if (!fresh && !moving && !dirtySpectrum && !dirtyProjections && !dirtyCurves && !dirtyTheory
                && !dirtyDecision) {
            return;
        }
        if (now - lastDraw < DRAW_GAP_MILLIS * 1_000_000L) {
            return;
        }
        lastDraw = now;
        long t0 = System.nanoTime();
        if (fresh) {
            dirtyCurves = true;
            dirtyTheory = true;
            dirtyDecision = true;
        }
        if (moving || fresh) {
            dirtySpectrum = true;
            dirtyProjections = true;
        }
        drawOne(s, o, now);
        if (fresh) {
            status.accept(s);
        }
        drawn = s;
        drawnOptions = o;
        renders.add((System.nanoTime() - t0) / 1e6);
    }

    private void drawOne(GroupSnapshot s, PanelOptions o, long now) {
        int turn = (int) (pulseCount++ % PANELS);
        for (int k = 0; k < PANELS; k++) {
            int which = (turn + k) % PANELS;
            if (which == 4 && dirtyDecision) {
                dirtyDecision = false;
                if (decisionShown.getAsBoolean()) {
                    decision.update(s, o);
                    return;
                }
                continue;
            }
            if (which == 3 && dirtyTheory) {
                dirtyTheory = false;
                if (theoryShown.getAsBoolean()) {
                    theory.update(s, vm.view().theoryView().get(), o);
                    return;
                }
                continue;
            }
            if (which == 0 && dirtySpectrum) {
                spectrum.update(s, shown(s, now), o);
                dirtySpectrum = false;
                return;
            }
            if (which == 1 && dirtyProjections) {
                projections.update(s, shown(s, now), o);
                dirtyProjections = false;
                return;
            }
            if (which == 2 && dirtyCurves) {
                curves.update(s, vm.ghostProperty().get(), o);
                dirtyCurves = false;
                return;
            }
        }
    }

    private List<AnalysisFrame> shown(GroupSnapshot s, long now) {
        List<AnalysisFrame> shown = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            shown.add(tweens.get(i).at(now));
        }
        return shown;
    }

    /** Pulse intervals (for the pulse and live measurements). */
    PulseStats pulseStats() {
        return pulses;
    }

    /** Render time per pulse. */
    PulseStats renderStats() {
        return renders;
    }
}
