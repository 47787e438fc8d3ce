package io.mqproducer.benchmark;

import java.util.Locale;

/** Formats the "ours / official" quotient shown under each scenario. */
public final class Ratio {

    private Ratio() {
    }

    /**
     * {@code ours / official} as e.g. {@code 1.25x}; {@code n/a} when either value is missing (NaN) or the official
     * one is zero, since a quotient would then say nothing.
     */
    public static String format(double ours, double official) {
        if (Double.isNaN(ours) || Double.isNaN(official) || official == 0) {
            return "n/a";
        }
        double ratio = ours / official;
        // Two decimals are plenty for run-to-run noise of several percent; tiny ratios keep one significant digit.
        return String.format(Locale.ROOT, ratio != 0 && Math.abs(ratio) < 0.01 ? "%.1gx" : "%.2fx", ratio);
    }
}
