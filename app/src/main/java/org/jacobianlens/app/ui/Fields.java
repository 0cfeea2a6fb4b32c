package org.jacobianlens.app.ui;

import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.util.StringConverter;

/**
 * Binds input widgets to the settings model. Text that does not parse is refused with a one-line message and the
 * field shows the last good value again (the model keeps it); nothing throws out of a converter.
 */
final class Fields {
    /** Parses text into a value or throws IllegalArgumentException with a message for the user. */
    interface Parser<T> {
        T parse(String text);
    }

    private Fields() {
    }

    /** An editable integer spinner bound both ways to {@code p}; bad text is refused. */
    static void spinner(Spinner<Integer> s, ObjectProperty<Integer> p, String what, Consumer<String> error) {
        s.setEditable(true);
        s.getValueFactory().setConverter(converter(s.getEditor(), p, t -> Integer.valueOf(integer(t, what)),
                String::valueOf, error));
        s.getValueFactory().valueProperty().bindBidirectional(p);
    }

    /** A text field bound both ways to {@code p}: committed on Enter or when the focus leaves; bad text refused. */
    static <T> void text(TextField f, Property<T> p, Parser<T> parse, Function<T, String> show,
                         Consumer<String> error) {
        TextFormatter<T> formatter = new TextFormatter<>(converter(f, p, parse, show, error), p.getValue());
        f.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(p);
    }

    /** A slider tied to {@code p} through a conversion (log scale, percent, rounding), both ways. */
    static <T> void slider(DoubleProperty slider, ObjectProperty<T> p, DoubleFunction<T> toModel,
                           ToDoubleFunction<T> toSlider) {
        slider.set(toSlider.applyAsDouble(p.get()));
        slider.addListener((o, a, b) -> p.set(toModel.apply(b.doubleValue())));
        // Converges in one round: the slider is set only when it is not already showing the model's value.
        p.addListener((o, a, b) -> {
            double v = toSlider.applyAsDouble(b);
            if (Math.abs(v - slider.get()) > 1e-9 * Math.max(1, Math.abs(v))) {
                slider.set(v);
            }
        });
    }

    private static <T> StringConverter<T> converter(TextInputControl field, Property<T> p, Parser<T> parse,
                                                    Function<T, String> show, Consumer<String> error) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : show.apply(v);
            }

            @Override
            public T fromString(String text) {
                try {
                    return parse.parse(text == null ? "" : text.trim());
                } catch (IllegalArgumentException e) {
                    error.accept(e.getMessage());
                    T kept = p.getValue();
                    // The widget keeps its value (unchanged, so it would not redraw the text): show it again.
                    Platform.runLater(() -> field.setText(toString(kept)));
                    return kept;
                }
            }
        };
    }

    /** A whole number, or an exception whose message names the field. */
    static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, found '" + text + "'");
        }
    }

    /** A finite number ≥ 0, or an exception whose message names the field. */
    static double nonNegative(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v >= 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a non-negative number, found '" + text + "'");
    }
}
