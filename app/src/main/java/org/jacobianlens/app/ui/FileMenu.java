package org.jacobianlens.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.jacobianlens.app.charts.PanelOptions;
import org.jacobianlens.app.charts.SpectrumPanel;
import org.jacobianlens.app.export.AnimatedGif;
import org.jacobianlens.app.export.ChartExport;
import org.jacobianlens.app.export.PanelCsv;
import org.jacobianlens.app.session.RecentStore;
import org.jacobianlens.app.session.Session;
import org.jacobianlens.app.session.SessionStore;
import org.jacobianlens.app.viewmodel.LensViewModel;
import org.jacobianlens.app.viewmodel.SessionBridge;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.GroupSnapshot;
import org.jfree.chart.JFreeChart;

/**
 * The File menu: open and save sessions (remembering recent ones), export any panel as PNG at projector
 * resolution or SVG, the panels' data as CSV, and the spectrum's history as an animated GIF. File work runs on
 * a background thread; results and errors come back as notifications.
 */
final class FileMenu {
    private final LensViewModel vm;
    private final Supplier<Window> window;
    private final Consumer<String> notify;
    private final ExecutorService io;
    private final RecentStore recent = RecentStore.inHomeFolder();
    private final Supplier<Map<String, String>> view;
    private final Consumer<Session> opened;
    private final Menu menu = new Menu("File");
    private final Menu recentMenu = new Menu("Open recent");
    private String preset;
    private final javafx.beans.property.StringProperty lastDialog = new javafx.beans.property.SimpleStringProperty("");

    FileMenu(LensViewModel vm, Supplier<Window> window, Consumer<String> notify, ExecutorService io,
             Supplier<Map<String, String>> view, Consumer<Session> opened, Map<String, JFreeChart> panels,
             Supplier<PanelOptions> options) {
        this.vm = vm;
        this.window = window;
        this.notify = notify;
        this.io = io;
        this.view = view;
        this.opened = opened;
        MenuItem open = new MenuItem("Open session…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> choose(true, "Open a Jacobian Lens session", "session.lens.json")
                .ifPresent(this::open));
        MenuItem save = new MenuItem("Save session…");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> choose(false, "Save this session", "session.lens.json").ifPresent(this::save));
        Menu export = new Menu("Export");
        for (Map.Entry<String, JFreeChart> p : panels.entrySet()) {
            MenuItem png = new MenuItem(p.getKey() + " as PNG (1920×1080)…");
            png.setOnAction(e -> choose(false, "Export " + p.getKey(), slug(p.getKey()) + ".png").ifPresent(f ->
                    background("Exported " + f.getFileName(), () -> ChartExport.png(p.getValue(), f))));
            MenuItem svg = new MenuItem(p.getKey() + " as SVG…");
            svg.setOnAction(e -> choose(false, "Export " + p.getKey(), slug(p.getKey()) + ".svg").ifPresent(f ->
                    background("Exported " + f.getFileName(), () -> ChartExport.svg(p.getValue(), f))));
            export.getItems().addAll(png, svg);
        }
        MenuItem csv = new MenuItem("Panel data as CSV (all frames)…");
        csv.setOnAction(e -> chooseDirectory().ifPresent(d -> {
            GroupSnapshot g = vm.latestProperty().get();
            if (g == null) {
                notify.accept("Nothing to export yet: train first");
                return;
            }
            background("Wrote spectrum, projections and curves CSV files to " + d,
                    () -> PanelCsv.writeAll(g, PanelCsv.Frames.ALL, d));
        }));
        MenuItem gif = new MenuItem("Spectrum animation as GIF…");
        gif.setOnAction(e -> choose(false, "Export the spectrum animation", "spectrum.gif").ifPresent(f -> {
            GroupSnapshot g = vm.latestProperty().get();
            if (g == null || g.lane(0).frames().isEmpty()) {
                notify.accept("Nothing to animate yet: train first");
                return;
            }
            PanelOptions o = options.get();
            background("Wrote a " + g.lane(0).frames().size() + "-frame animation to " + f.getFileName(),
                    () -> AnimatedGif.writeCharts(g.lane(0).frames().size(), i -> spectrumAt(g, i, o), 1280, 720,
                            120, true, f));
        }));
        export.getItems().addAll(new SeparatorMenuItem(), csv, gif);
        menu.getItems().addAll(open, recentMenu, save, new SeparatorMenuItem(), export);
        menu.setOnShowing(e -> refreshRecent());
    }

    /** A fresh spectrum chart of the i-th analysis frame of every lane (for the animation). */
    static JFreeChart spectrumAt(GroupSnapshot g, int i, PanelOptions o) {
        SpectrumPanel p = new SpectrumPanel();
        java.util.List<AnalysisFrame> shown = new java.util.ArrayList<>();
        for (int lane = 0; lane < g.size(); lane++) {
            var frames = g.lane(lane).frames();
            shown.add(frames.isEmpty() ? null : frames.get(Math.min(i, frames.size() - 1)));
        }
        p.update(g, shown, o);
        return p.chart();
    }

    /** Title of the last file dialog opened (tests check that a shortcut opened the right one). */
    public javafx.beans.property.ReadOnlyStringProperty lastDialogProperty() {
        return lastDialog;
    }

    Menu menu() {
        return menu;
    }

    void setPreset(String id) {
        preset = id;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    void open(Path file) {
        io.submit(() -> {
            try {
                Session s = SessionStore.load(file);
                recent.remember(file);
                Platform.runLater(() -> {
                    SessionBridge.restore(vm, s);
                    opened.accept(s);
                    notify.accept("Opened " + file.getFileName() + (s.hasResults()
                            ? ": recorded results shown; press Play to retrain" : ""));
                });
            } catch (Exception e) {
                Platform.runLater(() -> notify.accept(message(e)));
            }
        });
    }

    private void save(Path file) {
        Session s;
        try {
            s = SessionBridge.capture(vm, view.get(), preset);
        } catch (RuntimeException e) {
            notify.accept("Could not save: " + message(e));
            return;
        }
        background("Saved " + file.getFileName(), () -> {
            SessionStore.save(s, file);
            recent.remember(file);
            recent.saveLastSettings(s.settingsOnly());
        });
    }

    /** Remembers the settings for the next start (called at exit). */
    void rememberSettings() {
        try {
            recent.saveLastSettings(SessionBridge.capture(vm, view.get(), preset).settingsOnly());
        } catch (Exception ignored) {
            // Remembering the last settings is a convenience; failing to write it must not block exit.
        }
    }

    /** The settings remembered at the last exit, if any. */
    java.util.Optional<Session> lastSettings() {
        return recent.lastSettings();
    }

    interface Work {
        void run() throws Exception;
    }

    private void background(String done, Work w) {
        notify.accept("Working …");
        io.submit(() -> {
            try {
                w.run();
                Platform.runLater(() -> notify.accept(done));
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> notify.accept(message(e)));
            }
        });
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String slug(String s) {
        return s.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private java.util.Optional<Path> choose(boolean open, String title, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        lastDialog.set(title);
        fc.setInitialFileName(name);
        File f;
        try {
            f = open ? fc.showOpenDialog(window.get()) : fc.showSaveDialog(window.get());
        } catch (UnsupportedOperationException e) {
            // A display without native dialogs (headless Monocle): say so instead of failing on the FX thread.
            notify.accept("No file dialog on this display: " + title.toLowerCase(java.util.Locale.ROOT)
                    + " is not available here");
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private java.util.Optional<Path> chooseDirectory() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Folder for the CSV files");
        File f = dc.showDialog(window.get());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }
}
