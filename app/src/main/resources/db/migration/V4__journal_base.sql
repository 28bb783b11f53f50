-- The situation a journal starts from when it was made by importing a recording of a range (`recording import`):
-- the recording's snapshot before its first event, {"seq":…,"situation":{…}}, in parts of at most 1,000,000
-- characters (H2's longest text), in order. A journal that starts from nothing has no rows here.
CREATE TABLE journal_base (
    part       INT              NOT NULL PRIMARY KEY,
    seq        BIGINT           NOT NULL,
    situation  VARCHAR(1000000) NOT NULL
);
