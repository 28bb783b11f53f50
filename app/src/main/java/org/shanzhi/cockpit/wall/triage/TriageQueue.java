package org.shanzhi.cockpit.wall.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.AlertTriage;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;

/**
 * What the triage widget shows and sends, without JavaFX: the queue's entries ({@link AlertTriage#queue}) as rows,
 * and the reviews one decision on an entry becomes, one per alert it folds.
 */
final class TriageQueue {

    /** An open case the entry may join, {@code metres} from its camera. */
    record MergeOption(String incidentId, String title, long metres) {
    }

    /**
     * One entry: {@code id} is its first alert's (the one reviewed; the others follow it), {@code boxes} and
     * {@code confidence} the newest alert's, as the picture is taken now.
     */
    record Row(String id, List<String> alertIds, String kind, double confidence, Camera camera, String cameraId,
               Instant first, Instant latest, List<AiAlert.Box> boxes, List<MergeOption> merges) {

        int folded() {
            return alertIds.size();
        }
    }

    /** The rows shown (at most {@code limit}, newest first), how many entries wait in all and how many alerts. */
    record Rows(List<Row> shown, int total, int alerts) {
    }

    /** One POST /alerts/{alertId}/review. */
    record Review(String alertId, Map<String, String> body) {
    }

    private TriageQueue() {
    }

    static Rows rows(Situation s, int limit) {
        List<AlertTriage.Entry> queue = AlertTriage.queue(s);
        List<Row> rows = new ArrayList<>();
        for (AlertTriage.Entry e : queue.subList(0, Math.min(limit, queue.size()))) {
            rows.add(row(e));
        }
        return new Rows(rows, queue.size(), queue.stream().mapToInt(e -> e.alerts().size()).sum());
    }

    static Row row(AlertTriage.Entry e) {
        AiAlert first = e.first();
        AiAlert latest = e.latest();
        List<MergeOption> merges = new ArrayList<>();
        for (Incident i : e.mergeInto()) {
            merges.add(new MergeOption(i.id(), i.title(),
                    e.camera() == null ? 0 : Math.round(i.at().metresTo(e.camera().at()))));
        }
        return new Row(first.id(), e.alerts().stream().map(AiAlert::id).toList(), first.kind(), latest.confidence(),
                e.camera(), first.cameraId(), first.raisedAt(), latest.raisedAt(), latest.boxes(), merges);
    }

    /** 确认立案: the first alert opens a case, the repeats merge into it. */
    static List<Review> accept(Row r) {
        List<Review> out = new ArrayList<>();
        out.add(new Review(r.id(), body("ACCEPTED", null, null, null)));
        out.addAll(repeatsMergeIntoFirst(r));
        return out;
    }

    /**
     * 误报: every alert of the entry is rejected with the reason. Each one was the algorithm's mistake, so each
     * counts in its 误报率 (merging the repeats would hide all but one).
     */
    static List<Review> reject(Row r, AiAlert.FalseAlarm why) {
        List<Review> out = new ArrayList<>();
        for (String id : r.alertIds()) {
            out.add(new Review(id, body("REJECTED", why.name(), null, null)));
        }
        return out;
    }

    /** 合并: the first alert joins the open case, the repeats merge into the first. */
    static List<Review> merge(Row r, String incidentId) {
        List<Review> out = new ArrayList<>();
        out.add(new Review(r.id(), body("MERGED", null, null, incidentId)));
        out.addAll(repeatsMergeIntoFirst(r));
        return out;
    }

    private static List<Review> repeatsMergeIntoFirst(Row r) {
        List<Review> out = new ArrayList<>();
        for (String id : r.alertIds().subList(1, r.alertIds().size())) {
            out.add(new Review(id, body("MERGED", null, r.id(), null)));
        }
        return out;
    }

    private static Map<String, String> body(String decision, String falseAlarm, String mergedInto, String incidentId) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("decision", decision);
        if (falseAlarm != null) {
            b.put("falseAlarm", falseAlarm);
        }
        if (mergedInto != null) {
            b.put("mergedInto", mergedInto);
        }
        if (incidentId != null) {
            b.put("incidentId", incidentId);
        }
        return b;
    }
}
