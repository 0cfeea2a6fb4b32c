package org.jacobianlens.core.data;

/**
 * Labelled examples exactly as a loader or generator produced them (no preprocessing yet).
 *
 * @param source      human-readable origin (file path or generator description)
 * @param x           n × d feature rows (raw units: pixels 0–255 for images)
 * @param labels      n class indices in [0, numClasses)
 * @param numClasses  number of classes the source defines
 * @param classNames  numClasses display names
 * @param imageWidth  width of an image row (0 if the rows are not images)
 * @param imageHeight height of an image row (0 if the rows are not images)
 * @param channels    colour channels of an image row (1 grey, 3 RGB planar; 0 if not images)
 */
public record LabeledData(String source, double[][] x, int[] labels, int numClasses, String[] classNames,
                          int imageWidth, int imageHeight, int channels) {
    public int size() {
        return labels.length;
    }

    public int dim() {
        return x.length == 0 ? 0 : x[0].length;
    }

    public boolean isImage() {
        return imageWidth > 0 && imageHeight > 0;
    }
}
