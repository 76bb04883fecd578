/**
 * A worker process for the BullMQ crash test: takes `training.run` jobs and never finishes them
 * (it prints "started <id> <attempt>" and hangs), so the test can kill it mid-job.
 * argv: <redis url> <prefix>
 */
import { BullMqJobQueue } from './BullMqJobQueue.js';

const [url, prefix] = process.argv.slice(2);
const queue = new BullMqJobQueue({ url, prefix, lockMs: 1_000, stalledIntervalMs: 500 });
queue.work('training.run', async (data, job) => {
  process.stdout.write(`started ${data.runId} ${job.attempt}\n`);
  await new Promise(() => undefined);
});
process.stdout.write('ready\n');
