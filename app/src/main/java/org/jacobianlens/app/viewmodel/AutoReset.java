package org.jacobianlens.app.viewmodel;

import javafx.beans.value.ChangeListener;

/**
 * The debounced reset: any change in the {@link SettingsModel} (re)starts a quiet-period timer; when it runs out,
 * {@link #fire()} builds the settings once and resets the run if they describe a different one. A lesson or a
 * session that loads settings the run already has therefore causes no reset, without any flag. The timer itself is
 * the caller's (a {@code PauseTransition} in the window, a plain call in tests).
 */
public final class AutoReset {
    private final SettingsModel model;
    private final LensViewModel vm;
    private boolean armed;

    /**
     * @param restartTimer called on every change: restarts the quiet-period timer, which then calls {@link #fire()}
     */
    public AutoReset(SettingsModel model, LensViewModel vm, Runnable restartTimer) {
        this.model = model;
        this.vm = vm;
        // Change (not invalidation) listeners: they fire on every new value, read or not.
        ChangeListener<Object> changed = (o, a, b) -> {
            if (armed) {
                restartTimer.run();
            }
        };
        model.all().forEach(p -> p.addListener(changed));
    }

    /** From now on changes reset the run (the app arms it once the window shows and training started). */
    public void arm() {
        armed = true;
    }

    /** The quiet period is over: resets the run if the settings changed; reports invalid ones instead. */
    public void fire() {
        Settings s = commit();
        if (s != null && !s.equals(vm.runSettings())) {
            vm.reset();
        }
    }

    /**
     * Hands the current settings to the view-model without resetting (before compare, step or reset).
     *
     * @return the settings, or null (after reporting the problem) when they are invalid
     */
    public Settings commit() {
        try {
            Settings s = model.current();
            vm.applySilently(s);
            return s;
        } catch (IllegalArgumentException e) {
            vm.report(e.getMessage());
            return null;
        }
    }

    /** Reset button and key: the current settings, from initialization, now. */
    public void resetNow() {
        if (commit() != null) {
            vm.reset();
        }
    }
}
