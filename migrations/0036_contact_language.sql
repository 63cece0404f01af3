-- The language a parent or carer prefers, and whether they need an interpreter: shown to whoever
-- contacts them. Blank and no for those recorded before.
ALTER TABLE pupil_contacts ADD COLUMN preferred_language TEXT NOT NULL DEFAULT '';
ALTER TABLE pupil_contacts ADD COLUMN needs_interpreter INTEGER NOT NULL DEFAULT 0;
