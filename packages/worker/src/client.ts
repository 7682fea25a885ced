import { releaseProxy, type Remote } from 'comlink';
import type { MleApi } from './api.ts';

/** The typed client: every API function, called across the worker boundary, plus `terminate()`. */
export type MleClient = Remote<MleApi> & {
  /** Stops the worker; pending calls reject. */
  terminate(): Promise<void>;
};

export function withTerminate(remote: Remote<MleApi>, stop: () => Promise<void> | void): MleClient {
  return new Proxy(remote, {
    get(target, property, receiver) {
      if (property === 'terminate') {
        return async () => {
          target[releaseProxy]();
          await stop();
        };
      }
      return Reflect.get(target, property, receiver);
    },
  }) as MleClient;
}
