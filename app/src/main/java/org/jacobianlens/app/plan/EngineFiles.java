package org.jacobianlens.app.plan;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The ready-to-submit files of a plan: {@code slurm.sbatch}, a job array whose task {@code i} runs point i, and
 * {@code k8s-job.yaml}, an Indexed Job whose completion index selects the point. Both call
 * {@code sweep --point DIR INDEX}; a task that is killed leaves no result and simply runs again, and a point that
 * already has its result is not run twice.
 */
public final class EngineFiles {
    public static final String SLURM = "slurm.sbatch";
    public static final String K8S = "k8s-job.yaml";

    private EngineFiles() {
    }

    /** Refuses a plan folder whose path Slurm's {@code #SBATCH} lines or YAML could not carry as it is. */
    public static void checkPath(Path dir) {
        String p = dir.toString();
        if (!p.matches("[A-Za-z0-9._/+@=,-]+")) {
            throw new IllegalArgumentException("the plan folder " + p + " has characters (spaces, quotes, …) that "
                    + "job scripts cannot carry; choose a path of letters, digits and . _ / - only");
        }
    }

    /** slurm.sbatch for a plan of {@code n} points in {@code dir} (an absolute path). */
    public static String slurm(Path dir, int n, EngineOptions o) {
        return String.format(Locale.ROOT, """
                #!/bin/bash
                # Jacobian Lens sweep plan %1$s: %2$d points, one array task each.
                # Submit: sbatch %1$s/slurm.sbatch   then collect: jacobian-lens sweep --collect %1$s
                # A killed or preempted task leaves no result and runs again; finished points are not run twice.
                #SBATCH --job-name=jacobian-lens-sweep
                #SBATCH --array=0-%3$d%%%4$d
                #SBATCH --cpus-per-task=%5$d
                #SBATCH --mem=%6$dG
                #SBATCH --time=%7$d
                #SBATCH --output=%1$s/logs/point-%%a.out
                #SBATCH --error=%1$s/logs/point-%%a.err
                set -euo pipefail
                export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}" OMP_WAIT_POLICY=PASSIVE
                exec %8$s sweep --point %1$s "$SLURM_ARRAY_TASK_ID"
                """, dir, n, n - 1, Math.min(o.parallel(), n), o.cpus(), o.memoryGb(), o.minutes(), o.launcher());
    }

    /** k8s-job.yaml for a plan of {@code n} points in {@code dir}, mounted from the volume claim at that path. */
    public static String kubernetes(Path dir, int n, EngineOptions o) {
        return String.format(Locale.ROOT, """
                # Jacobian Lens sweep plan %1$s: %2$d points, one Indexed Job completion each.
                # Submit: kubectl apply -f %1$s/k8s-job.yaml   then collect: jacobian-lens sweep --collect %1$s
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: jacobian-lens-sweep
                spec:
                  completionMode: Indexed
                  completions: %2$d
                  parallelism: %3$d
                  backoffLimit: %4$d
                  template:
                    spec:
                      restartPolicy: Never
                      activeDeadlineSeconds: %5$d
                      containers:
                        - name: point
                          image: "%6$s"
                          command: ["jacobian-lens", "sweep", "--point", "%1$s", "$(POINT_INDEX)"]
                          env:
                            - name: POINT_INDEX
                              valueFrom:
                                fieldRef:
                                  fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']"
                            - name: OMP_NUM_THREADS
                              value: "%7$d"
                          resources:
                            requests:
                              cpu: "%7$d"
                              memory: "%8$dGi"
                            limits:
                              memory: "%8$dGi"
                          volumeMounts:
                            - name: plan
                              mountPath: "%1$s"
                      volumes:
                        - name: plan
                          persistentVolumeClaim:
                            claimName: "%9$s"
                """, dir, n, Math.min(o.parallel(), n), Math.max(6, n), 60 * o.minutes(), o.image(), o.cpus(),
                o.memoryGb(), o.volumeClaim());
    }
}
