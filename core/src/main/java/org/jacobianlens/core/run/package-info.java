/**
 * Training runs over time: a {@link org.jacobianlens.core.run.RunConfig} says everything that
 * defines a run, a {@link org.jacobianlens.core.run.TrainingRun} takes its steps and analysis frames, and
 * immutable {@link org.jacobianlens.core.run.Snapshot}s (curves, frames, weight statistics, theory) are what the
 * window, the command line and sessions read. {@link org.jacobianlens.core.run.RunGroup} trains compared runs in
 * lock step.
 */
package org.jacobianlens.core.run;
