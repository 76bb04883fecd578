import { InProcessJobQueue } from './InProcessJobQueue.js';
import { describeJobQueueContract } from './jobqueue.contract.js';

describeJobQueueContract('in-process', async (policies) => new InProcessJobQueue({ policies }));
