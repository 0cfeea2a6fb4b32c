/**
 * Developer tools run from the command line, not part of the window: the README screenshot tour
 * ({@code gui --screenshots}), the pulse measurement ({@code gui --measure-pulses}) and the live measurement
 * ({@code gui --measure-live [--compare]}). They drive the window through its public commands and the view-model.
 */
package org.jacobianlens.app.devtools;
