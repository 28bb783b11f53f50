package org.shanzhi.cockpit.wall;

import java.util.function.Supplier;

import org.shanzhi.cockpit.feed.FeedStatus;

/**
 * What widgets may need besides the situation: how current it is, where it comes from, the token to read it
 * with ({@code token} null: no hub to ask, e.g. a snapshot; video tiles then show no picture), and the links
 * between the widgets of the wall.
 */
public record WallContext(Supplier<FeedStatus> feedStatus, String source, String token, WallLinks links) {

    public WallContext(Supplier<FeedStatus> feedStatus, String source, String token) {
        this(feedStatus, source, token, new WallLinks());
    }

    public WallContext(Supplier<FeedStatus> feedStatus, String source) {
        this(feedStatus, source, null);
    }

    /** Whether {@code source} is a hub that video can be read from. */
    public boolean hasHub() {
        return token != null && source != null && (source.startsWith("http://") || source.startsWith("https://"));
    }
}
