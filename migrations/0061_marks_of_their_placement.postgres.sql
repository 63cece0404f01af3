-- The marks' index by placement, (placement_id, provider_code, school_code), went with the outcomes'
-- move to the totals: nothing reads it, and the foreign key to the placement (0057) finds a leaving
-- placement's marks by the pupil's own index. Every mark sent wrote to it: a 30-pupil register's
-- first send wrote 28 more index leaves for it (see the SQLite migration of the same number).
DROP INDEX attendance_marks_placement;
