-- What servers do between requests (alert sweeps, mail, audit checkpoints, nightly backups) is done
-- by one process at a time however many serve the database: the one holding this lease, which it
-- renews at each sweep. A holder that stops renewing it (it died) loses it when it runs out, and the
-- next process to sweep takes it over.
CREATE TABLE background_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
