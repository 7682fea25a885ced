// Errors shared by both sides of the worker boundary. Kept apart from job.ts so that the page's
// bundle does not pull in the worker's scheduling code.

/** An error with the name `AbortError`, as DOM APIs reject with on abort. */
export function abortError(message = 'The job was cancelled'): Error {
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** Whether a value is an error named `AbortError` (ours, a DOMException, or one rebuilt by Comlink). */
export function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}

/** The error every pending call rejects with when the worker dies (crash, out of memory, exit). */
export function workerCrashError(reason: string): Error {
  const error = new Error(`The MLE Lab worker stopped unexpectedly (${reason}); the next call starts a new one`);
  error.name = 'WorkerCrashError';
  return error;
}

const builtIn: Record<string, new (message: string) => Error> = {
  RangeError,
  TypeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/**
 * Comlink rebuilds a thrown error as a plain `Error` carrying the original name, message and stack.
 * This gives it back its built-in class, so `instanceof RangeError` holds on the page as in the worker.
 */
export function reviveError(value: unknown): unknown {
  if (!(value instanceof Error) || value.constructor !== Error) return value;
  const Kind = Object.hasOwn(builtIn, value.name) ? builtIn[value.name] : undefined;
  if (!Kind) return value;
  const revived = new Kind(value.message);
  if (value.stack !== undefined) revived.stack = value.stack;
  return revived;
}
