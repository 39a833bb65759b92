-- How many of a device's changes the server refused: coordinators see it in
-- the list of devices (a phone that keeps sending refused changes needs a
-- look), and it survives the pruning of `applied_ops`.
ALTER TABLE devices ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
