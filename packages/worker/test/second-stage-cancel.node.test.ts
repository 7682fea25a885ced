import { createNodeClient } from '@mle-lab/worker/node';
import { secondStageCancelSuite } from './second-stage-cancel-suite.ts';

secondStageCancelSuite('Node (worker_threads)', () => createNodeClient());
