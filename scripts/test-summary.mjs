// Prints the one line CI reads last, "N passed, N failed[, N skipped]", from the vitest JSON report.
// A run that never reached the tests (no report) counts as failed.
import { readFileSync } from 'node:fs';

let r = null;
try { r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')); } catch { /* no report */ }
const passed = r ? r.numPassedTests : 0;
// A file that failed outside its tests (an import error, a failing afterAll hook) counts once.
const failedFilesWithoutFailedTests = r ? (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length : 0;
const failed = r ? r.numFailedTests + failedFilesWithoutFailedTests : 1;
const skipped = r ? (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
