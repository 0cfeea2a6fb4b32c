/**
 * Data layer of the science engine: loaders (IDX, CIFAR-10 binary, CSV), seeded synthetic data sets, nested label
 * noise, preprocessing and {@link org.jacobianlens.core.data.DataFactory}, which turns a
 * {@link org.jacobianlens.core.data.DatasetSpec} into {@link org.jacobianlens.core.data.PreparedData}. Every
 * result is a pure function of its inputs and seed; malformed files raise
 * {@link org.jacobianlens.core.data.DatasetException} with a message naming the file and position.
 */
package org.jacobianlens.core.data;
