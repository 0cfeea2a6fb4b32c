package org.jacobianlens.core.data;

/**
 * Training and test data after class selection, seeded sub-sampling, preprocessing and label noise:
 * what a training run consumes. Labels are indices into the <em>selected</em> classes (0..K−1).
 *
 * <p>Targets: with K = 2 the network has one output and the target is −1 for the first selected
 * class and +1 for the second; with K &gt; 2 it has K outputs and one-hot targets (see {@link #targets}).
 *
 * @param name             dataset display name
 * @param trainX           n × d preprocessed training inputs
 * @param trainLabels      labels actually trained on (after noise)
 * @param cleanTrainLabels true labels of the training inputs
 * @param corrupted        corrupted[i] is true when position i received a random label (it may equal the true one)
 * @param testX            n* × d preprocessed test inputs
 * @param testLabels       clean test labels
 * @param classNames       K names of the selected classes
 * @param originalClasses  K class indices in the source the selected classes came from
 * @param preprocessing    one-line description of the preprocessing applied (shown to users, written to run.json)
 * @param imageWidth       width if image data else 0
 * @param imageHeight      height if image data else 0
 * @param channels         channels if image data else 0
 */
public record PreparedData(String name, double[][] trainX, int[] trainLabels, int[] cleanTrainLabels,
                           boolean[] corrupted, double[][] testX, int[] testLabels, String[] classNames,
                           int[] originalClasses, String preprocessing, int imageWidth, int imageHeight,
                           int channels) {

    public int numClasses() {
        return classNames.length;
    }

    /** Network output dimension: 1 for two classes (±1 targets), K otherwise (one-hot). */
    public int outputs() {
        return numClasses() == 2 ? 1 : numClasses();
    }

    public int nTrain() {
        return trainLabels.length;
    }

    public int nTest() {
        return testLabels.length;
    }

    public int dim() {
        return trainX.length == 0 ? 0 : trainX[0].length;
    }

    public int corruptedCount() {
        int c = 0;
        for (boolean b : corrupted) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Number of training labels that actually differ from the true label. */
    public int changedCount() {
        int c = 0;
        for (int i = 0; i < trainLabels.length; i++) {
            if (trainLabels[i] != cleanTrainLabels[i]) {
                c++;
            }
        }
        return c;
    }

    /** n × outputs() target matrix for the given labels: ±1 column for K = 2, one-hot otherwise. */
    public double[][] targets(int[] labels) {
        return Targets.encode(labels, numClasses());
    }
}
