package org.shanzhi.cockpit.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prints figures, one per line as {@code name: value unit}; notes go to the log (stderr). */
final class Figures {

    static final Logger LOG = LoggerFactory.getLogger("bench");

    private final PrintWriter out;

    Figures(PrintWriter out) {
        this.out = out;
    }

    void put(String name, double value, int decimals, String unit) {
        out.println(name + ": " + String.format(Locale.ROOT, "%." + decimals + "f", value) + " " + unit);
        out.flush();
    }

    static void note(String format, Object... args) {
        LOG.info(format, args);
    }

    /** The q-quantile (0..1) of sorted values, nearest rank. */
    static double quantile(long[] sorted, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
