-- A failed import keeps its error's code and parameters, so the lists page can say what failed in the reader's language.
ALTER TABLE import_runs ADD COLUMN error_code TEXT;
ALTER TABLE import_runs ADD COLUMN error_params TEXT;  -- JSON object
