package org.shanzhi.cockpit.wall.layout;

/**
 * A physical monitor as the windowing system reports it: bounds in logical px (JavaFX's
 * {@code Screen.getBounds()}) and the output scale (2.0 on a HiDPI laptop at 200 %).
 */
public record Monitor(double x, double y, double width, double height, double scale) {

    public Monitor {
        if (width <= 0 || height <= 0 || scale <= 0) {
            throw new IllegalArgumentException("a monitor has a size and a scale");
        }
    }

    public static Monitor at(double x, double y, double width, double height) {
        return new Monitor(x, y, width, height, 1.0);
    }

    public double area() {
        return width * height;
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    boolean fits(Screen screen) {
        return Math.abs(width - screen.width()) < 1 && Math.abs(height - screen.height()) < 1;
    }
}
