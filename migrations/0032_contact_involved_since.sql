-- When a professional's service became involved with the pupil (social care, CAMHS, youth justice,
-- ...), as the school records it; none for parents and carers, or when not known.
ALTER TABLE pupil_contacts ADD COLUMN involved_since TEXT;
