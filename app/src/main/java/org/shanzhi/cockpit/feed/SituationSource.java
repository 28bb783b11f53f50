package org.shanzhi.cockpit.feed;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Situation;

/** Where the wall takes its situation from: a hub feed live, or a fixed situation for pictures. */
public interface SituationSource {

    /** The newest situation, or null while there is none yet. */
    Situation latest();

    /** Changes whenever {@link #latest()} does. */
    long version();

    FeedStatus status();

    /** How long the hub lets a phone keep an order waiting (as its health says); the defaults where no hub tells. */
    default DispatchOrder.Timing orderTiming() {
        return DispatchOrder.Timing.defaults();
    }

    /** A source that always shows the same situation, as a picture of its time. */
    static SituationSource fixed(Situation s) {
        FeedStatus picture = FeedStatus.picture(s.time(), s.seq());
        return new SituationSource() {
            @Override
            public Situation latest() {
                return s;
            }

            @Override
            public long version() {
                return 1;
            }

            @Override
            public FeedStatus status() {
                return picture;
            }
        };
    }
}
