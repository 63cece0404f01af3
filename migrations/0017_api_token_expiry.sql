-- API tokens run out: each has the moment it stops working. Tokens made before this run out 90
-- days from the day it was written.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
UPDATE api_tokens SET expires_at = '2027-02-28T00:00:00Z' WHERE expires_at IS NULL;
