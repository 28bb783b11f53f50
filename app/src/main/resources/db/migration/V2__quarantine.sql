-- Journal entries the hub could not replay, set aside by its operator (`journal quarantine`);
-- an EntryQuarantined event holds each one's place in the journal.
CREATE TABLE quarantine (
    seq             BIGINT                   NOT NULL PRIMARY KEY,
    event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    type            VARCHAR(64)              NOT NULL,
    payload         VARCHAR(1000000)         NOT NULL,
    origin          VARCHAR(64)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(4000)            NOT NULL,
    quarantined_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
