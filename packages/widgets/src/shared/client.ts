import { createMleClient, type MleClient } from '@mle-lab/worker';

let shared: MleClient | undefined;

/** One worker for every widget on the page, started on first use. */
export function sharedClient(): MleClient {
  shared ??= createMleClient();
  return shared;
}
