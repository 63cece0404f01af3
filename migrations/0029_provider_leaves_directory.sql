-- A provider the LA takes out of its directory (closed, or no longer used) is kept, offered to
-- nobody; its checks and evidence are kept until the retention schedule's date, counted from the
-- day it left.
ALTER TABLE providers ADD COLUMN left_directory_on TEXT;
ALTER TABLE providers ADD COLUMN left_directory_reason TEXT;
INSERT INTO retention_rules (record_type, years) VALUES ('provider_evidence', 6);
