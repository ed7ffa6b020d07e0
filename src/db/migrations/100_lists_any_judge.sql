-- Lists in any format: the format each list was last imported as ('tony9402', 'markdown', 'csv', 'json').
ALTER TABLE lists ADD COLUMN format TEXT NOT NULL DEFAULT 'tony9402';

-- An admin's mapping of a type name that matched no canonical type (normalised name → canonical type key). Kept by
-- name, not by list row, so it survives re-imports and applies to every list that uses the name.
CREATE TABLE type_aliases (
  name TEXT PRIMARY KEY,                 -- normaliseTypeName() of the list's heading: '알고리즘기초'
  type_key TEXT NOT NULL,                -- a key of src/catalog/typeVocabulary.ts: 'implementation'
  created_at TEXT NOT NULL
);

-- Which lists feed a learner's plan: a JSON array of list keys; NULL = every list.
ALTER TABLE learners ADD COLUMN plan_lists TEXT;
