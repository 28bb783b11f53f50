package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.List;

/** An alert from video-AI analysis, waiting for (or past) human review before it becomes a case. */
public record AiAlert(String id, String cameraId, String kind, String vendorCode, double confidence,
                      List<Box> boxes, Instant raisedAt, Review review, String incidentId, String mergedInto) {

    public enum Review { PENDING, ACCEPTED, REJECTED, MERGED }

    /** A detection box in relative image coordinates (0..1). */
    public record Box(double x, double y, double w, double h, String label) {
    }

    public AiAlert {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    public AiAlert reviewed(Review r, String incident, String merged) {
        return new AiAlert(id, cameraId, kind, vendorCode, confidence, boxes, raisedAt, r, incident, merged);
    }
}
