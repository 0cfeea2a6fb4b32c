/**
 * Noise and width sweeps: the papers' summary figures (SCIENCE.md §3.3, §3.5, §4.6, RE1, RE4–RE6, RE9). A
 * {@link org.jacobianlens.core.sweep.SweepSpec} varies one knob of a base run (label-noise level p or hidden
 * width m) with data and initialization seeds held fixed; {@link org.jacobianlens.core.sweep.Sweep} trains the
 * points one after another and reduces each to a {@link org.jacobianlens.core.sweep.SweepPoint} of plain numbers.
 */
package org.jacobianlens.core.sweep;
