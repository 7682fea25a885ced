import { createNodeClient } from '@mle-lab/worker/node';
import { fitLabSuite } from './fit-lab-suite.ts';

fitLabSuite('Node (worker_threads)', () => createNodeClient());
