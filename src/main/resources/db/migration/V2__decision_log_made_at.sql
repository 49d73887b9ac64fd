-- The retention pass (decisionlog.retention) deletes the oldest decisions a batch at a time, oldest
-- first. Without this index each batch is a sequential scan that also steps over the rows earlier
-- batches deleted (not vacuumed yet), so it grows during a pass: on 10 million rows (bench/scale.sh)
-- the first batch took 62 ms and read 1,500 pages. With it a batch reads the index in order and only
-- the rows it deletes, however many were deleted before it.
create index decision_log_made_at on decision_log (made_at);
