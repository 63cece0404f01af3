-- The alert sweep reads which alerts of a kind are already raised for the day once a sweep (at
-- national size, tens of thousands of registers), instead of asking about each.
CREATE INDEX alerts_by_day ON alerts(session_date, kind);
