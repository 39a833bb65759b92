-- Operations below `acked_below` have been acknowledged to the device (it
-- sent a later request starting above them), so their stored outcomes are
-- pruned: `applied_ops` grows with each device's unacknowledged work, not
-- with everything it ever sent. An operation below it that arrives again is
-- an old copy and is not applied again.
ALTER TABLE devices ADD COLUMN acked_below INTEGER NOT NULL DEFAULT 0;
