/**
 * The networks that are trained: Arora et al.'s two-layer ReLU net with a fixed output layer
 * ({@link org.jacobianlens.core.model.TwoLayerNetwork}) and a deeper MLP on DL4J
 * ({@link org.jacobianlens.core.model.MlpNetwork}), each able to take a training step and to give the empirical
 * NTK Gram matrix of its current weights (SCIENCE.md §1–2).
 */
package org.jacobianlens.core.model;
