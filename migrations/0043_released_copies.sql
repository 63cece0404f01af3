-- What was released in answer to a request for a copy of a child's record: the copy as Waypoint
-- made it when the request was closed, kept beside the lead's note of anything withheld.
ALTER TABLE data_requests ADD COLUMN released_copy TEXT;
