package org.shanzhi.cockpit.wall;

import java.util.function.Supplier;

import org.shanzhi.cockpit.feed.FeedStatus;

/** What widgets may need besides the situation: how current it is, and where it comes from. */
public record WallContext(Supplier<FeedStatus> feedStatus, String source) {
}
