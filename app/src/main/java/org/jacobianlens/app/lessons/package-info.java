/**
 * The one-click lessons: presets bundled in {@code resources/presets/lessons.json} with the text that says what to
 * look for, read into {@link org.jacobianlens.app.lessons.Lesson}s.
 */
package org.jacobianlens.app.lessons;
