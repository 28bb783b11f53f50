-- The drill (演练) that made an event, or whose thing it acts on; null for the live sub-district.
ALTER TABLE journal ADD COLUMN drill VARCHAR(64);
ALTER TABLE quarantine ADD COLUMN drill VARCHAR(64);
