import { createNodeClient } from '@mle-lab/worker/node';
import { clientSuite } from './client-suite.ts';

clientSuite('Node (worker_threads)', createNodeClient);
