/**
 * The JFreeChart pictures of the panels (spectrum, label projections, curves, theory) and of the sweep summaries,
 * built from snapshots with AWT only, so the window, the exports and headless tests draw the same charts.
 */
package org.jacobianlens.app.charts;
