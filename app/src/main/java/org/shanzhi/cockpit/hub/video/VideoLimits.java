package org.shanzhi.cockpit.hub.video;

/**
 * What video may take of the hub, so that players cannot starve the API.
 *
 * @param maxViewers        video streams served at once, simulated and relayed together. Each holds one of Jetty's
 *                          250 request threads while it plays: the cap leaves the API threads of its own
 * @param maxVirtualCameras simulated cameras drawn at once (about 10 ms of CPU a frame, 5 frames a second each)
 */
public record VideoLimits(int maxViewers, int maxVirtualCameras) {

    /** 100 of the 250 request threads; 16 cameras, the largest split a video tile shows (4×4). */
    public static final VideoLimits DEFAULT = new VideoLimits(100, 16);

    public VideoLimits {
        if (maxViewers < 1 || maxVirtualCameras < 1) {
            throw new IllegalArgumentException("each video limit must be at least 1");
        }
    }
}
