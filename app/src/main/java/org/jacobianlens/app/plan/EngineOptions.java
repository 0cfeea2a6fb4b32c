package org.jacobianlens.app.plan;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the engine files ask for, per task: how many tasks at once, CPUs, memory and wall time, and the command
 * that runs the program (Slurm) or the image that holds it (Kubernetes).
 *
 * @param parallel   tasks at once (Slurm's {@code %P}, the Job's parallelism)
 * @param cpus       CPUs per task
 * @param memoryGb   memory per task, in GiB
 * @param minutes    wall-time limit per task, in minutes
 * @param launcher   the command that starts the program on a Slurm node (words separated by spaces)
 * @param image      the container image of the Kubernetes Job
 * @param volumeClaim the PersistentVolumeClaim that holds the plan folder, mounted at the same path
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EngineOptions(int parallel, int cpus, int memoryGb, int minutes, String launcher, String image,
                            String volumeClaim) {

    public EngineOptions {
        if (parallel < 1 || cpus < 1 || memoryGb < 1 || minutes < 1) {
            throw new IllegalArgumentException("parallel tasks, CPUs, memory and minutes must each be at least 1");
        }
        if (launcher == null || launcher.isBlank() || image == null || image.isBlank() || volumeClaim == null
                || volumeClaim.isBlank()) {
            throw new IllegalArgumentException("the engine files need a launcher, an image and a volume claim");
        }
    }
}
