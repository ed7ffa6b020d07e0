-- Each file a list was last fetched from over HTTP, with its validators (ETag / Last-Modified) and body: a refresh
-- asks the host "changed since?" and an unchanged file (304) is read from here, so every refresh is one request per
-- file and an unchanged list costs the host almost nothing.
CREATE TABLE list_files (
  list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  path TEXT NOT NULL,                    -- relative to the list's source: 'algorithms/simulation/README.md'
  etag TEXT,
  last_modified TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (list_id, path)
);
