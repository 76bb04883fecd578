// The times between an edge's validFrom and validTo when it did not hold (a job stopped reading a
// dataset and later read it again; a column dropped and added back): their bounds in order,
// comma-separated, '' for none (see graph/rows.ts, encodeGaps). Only time travel reads them.
ALTER TABLE Edge ADD IF NOT EXISTS gaps STRING DEFAULT '';
