package org.shanzhi.cockpit.domain;

/** A share with its counts, so a view can say "7 / 9" as well as "77.8 %". NaN when there is nothing to count. */
public record Ratio(long part, long whole) {

    public double value() {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    public double percent() {
        return value() * 100;
    }
}
