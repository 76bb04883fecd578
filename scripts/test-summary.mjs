// Prints the one line CI reads last, "N passed, N failed[, N skipped]", from the vitest JSON report.
// A run that never reached the tests (no report) counts as failed.
import { readFileSync } from 'node:fs';

let r = null;
try { r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')); } catch { /* no report */ }
const passed = r ? r.numPassedTests : 0;
const failed = r ? r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) : 1;
const skipped = r ? (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
