// Browser module worker entry: exposes the API on the worker's global scope.
import { expose } from 'comlink';
import { api } from './api.ts';

expose(api);
