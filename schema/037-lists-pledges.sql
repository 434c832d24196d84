-- The vendors list sorted by id (i13 list tools): read along (active, id);
-- InnoDB ends every secondary key with the primary key, so (active) is it.
-- The name sort already reads along pledge_vendor_name (active, name[, id]).
CREATE INDEX pledge_vendor_active ON pledge_vendor (active);
