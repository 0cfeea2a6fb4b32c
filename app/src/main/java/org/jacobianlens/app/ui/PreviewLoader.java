package org.jacobianlens.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.jacobianlens.app.viewmodel.Preview;

/** Loads the dataset thumbnail off the FX thread; a stale result (the dataset changed meanwhile) is dropped. */
final class PreviewLoader {
    private final DatasetThumbnail thumbnail;
    private final Supplier<String> current;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jacobian-lens-preview");
        t.setDaemon(true);
        return t;
    });

    PreviewLoader(DatasetThumbnail thumbnail, Supplier<String> current) {
        this.thumbnail = thumbnail;
        this.current = current;
    }

    void load(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return;
        }
        thumbnail.message("loading preview …");
        thread.submit(() -> {
            try {
                Preview p = Preview.load(dataset);
                Platform.runLater(() -> {
                    if (dataset.equals(current.get())) {
                        thumbnail.show(p);
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> thumbnail.message("no preview: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        });
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
