package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.List;

/**
 * An alert from video-AI analysis, waiting for (or past) human review before it becomes a case. A
 * merged alert names the alert it joined ({@code mergedInto}) or the open case ({@code incidentId}); a
 * rejected one why it was a false alarm ({@code falseAlarm}, absent in journals older than the reason).
 */
public record AiAlert(String id, String cameraId, String kind, String vendorCode, double confidence,
                      List<Box> boxes, Instant raisedAt, Review review, String incidentId, String mergedInto,
                      FalseAlarm falseAlarm) {

    public enum Review { PENDING, ACCEPTED, REJECTED, MERGED }

    /** Why an operator called an alert false: the short list the triage offers. */
    public enum FalseAlarm {
        MISDETECTION("误识别"),
        NORMAL_ACTIVITY("正常活动"),
        ALREADY_GONE("现场已消失"),
        POOR_VIEW("画面不清"),
        OTHER("其他");

        public final String zh;

        FalseAlarm(String zh) {
            this.zh = zh;
        }
    }

    /** A detection box in relative image coordinates (0..1). */
    public record Box(double x, double y, double w, double h, String label) {
    }

    public AiAlert {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    public AiAlert reviewed(Review r, String incident, String merged, FalseAlarm why) {
        return new AiAlert(id, cameraId, kind, vendorCode, confidence, boxes, raisedAt, r, incident, merged, why);
    }
}
