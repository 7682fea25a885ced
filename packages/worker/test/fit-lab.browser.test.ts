import { createMleClient } from '@mle-lab/worker';
import { fitLabSuite } from './fit-lab-suite.ts';

fitLabSuite('browser (module Worker)', () => createMleClient());
