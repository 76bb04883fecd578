import { MemoryRateBuckets } from './MemoryRateBuckets.js';
import { describeRateBucketsContract } from './rate-buckets.contract.js';

describeRateBucketsContract('in this process', async () => new MemoryRateBuckets());
