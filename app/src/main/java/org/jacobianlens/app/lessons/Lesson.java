package org.jacobianlens.app.lessons;

import org.jacobianlens.app.viewmodel.Settings;

/**
 * A one-click demonstration: settings, the compared knob, the theory view and a plain-words text for students.
 *
 * @param id          stable name (used in saved sessions and screenshot names)
 * @param title       menu text
 * @param paper       the paper it illustrates
 * @param text        what to look for, in plain words
 * @param settings    the control-panel settings
 * @param compare     compared knob ("noise", "width", "learning-rate") or null for one run
 * @param theoryView  name of the theory panel's view to show, or null to hide the panel
 * @param logSteps    log step axis
 * @param eigenvalues spectrum as NTK eigenvalues instead of singular values
 * @param cutoff      information-space cutoff as a fraction of σ₁
 */
public record Lesson(String id, String title, String paper, String text, Settings settings, String compare,
                     String theoryView, boolean logSteps, boolean eigenvalues, double cutoff) {
}
