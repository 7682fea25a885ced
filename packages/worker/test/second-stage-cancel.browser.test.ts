import { createMleClient } from '@mle-lab/worker';
import { secondStageCancelSuite } from './second-stage-cancel-suite.ts';

secondStageCancelSuite('browser (module Worker)', () => createMleClient());
