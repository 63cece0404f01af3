-- A school's correction carries its own reason, beside the provider's reason for changing its mark.
ALTER TABLE attendance_marks ADD COLUMN school_reason TEXT;
