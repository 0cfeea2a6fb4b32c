/**
 * Sweeps as data for job runners: a plan folder (plan.json, one self-contained point spec per run, ready-to-submit
 * Slurm and Kubernetes files), one result folder per point written as one set, and the collection of whatever
 * results exist into the sweep's usual files. See the README's "Sweeps on a cluster".
 */
package org.jacobianlens.app.plan;
