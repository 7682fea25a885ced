import { createMleClient } from '@mle-lab/worker';
import { clientSuite } from './client-suite.ts';

clientSuite('browser (module Worker)', () => createMleClient());
