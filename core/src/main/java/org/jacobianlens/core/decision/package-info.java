/**
 * What the network computes over the input plane of a 2-D data set: a {@link org.jacobianlens.core.decision.DecisionGrid}
 * evaluates the network on a grid of points (through the training data's own preprocessing) and returns an immutable
 * {@link org.jacobianlens.core.decision.DecisionMap} of plain arrays for the views to draw.
 */
package org.jacobianlens.core.decision;
