/**
 * What leaves the program for slides and papers: charts as PNG or SVG, the panels' numbers as CSV, the spectrum's
 * history as an animated GIF and a sweep's folder of results; every file is written atomically.
 */
package org.jacobianlens.app.export;
