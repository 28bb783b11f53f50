package org.shanzhi.cockpit.hub.video;

import java.util.Objects;

/**
 * What video may take of the hub, so that players cannot starve the API.
 *
 * @param maxViewers        video streams served at once, simulated and relayed together. Each holds one of Jetty's
 *                          250 request threads while it plays: the cap leaves the API threads of its own
 * @param maxVirtualCameras simulated cameras drawn at once (about 10 ms of CPU a frame, 5 frames a second each)
 * @param maxRelays         RTSP cameras relayed at once: one ffmpeg each (about 50 MB), shared by its viewers
 * @param cameraNetworks    where the relay may connect
 */
public record VideoLimits(int maxViewers, int maxVirtualCameras, int maxRelays, CameraNetworks cameraNetworks) {

    /** 100 of the 250 request threads; 16 cameras, the largest split a video tile shows (4×4). */
    public static final VideoLimits DEFAULT = new VideoLimits(100, 16, 16, CameraNetworks.PRIVATE);

    public VideoLimits {
        if (maxViewers < 1 || maxVirtualCameras < 1 || maxRelays < 1) {
            throw new IllegalArgumentException("each video limit must be at least 1");
        }
        Objects.requireNonNull(cameraNetworks, "cameraNetworks");
    }
}
