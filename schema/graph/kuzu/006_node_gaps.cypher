// The times a node did not exist before its validTo (dropped, then created again), encoded as an
// edge's gaps are (graph/rows.ts, encodeGaps), '' for none; and on each edge its endpoints' gaps
// (`endsGaps`: their union, rows.ts joinEndsGaps; on the edges walks follow), so walks at a time test
// edges only, as with endsAt (schema 004). Nodes stored before get theirs when next written.
ALTER TABLE Node ADD IF NOT EXISTS gaps STRING DEFAULT '';
ALTER TABLE Edge ADD IF NOT EXISTS endsGaps STRING DEFAULT '';
