// A child process spoken to in lines (bench/run.ts's core and Python sides): each request is one line
// on its stdin, each answer one line on its stdout.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How long one answer may take (a slow reference call, or a core case's warm-up). */
const ANSWER_TIMEOUT_MS = 10 * 60 * 1000;

export class LineChannel {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #lines: AsyncIterator<string>;
  #stderr = '';
  #spawnError: string | undefined;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.#child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.on('error', (err) => {
      this.#spawnError = `${command} could not run (${err.message})`;
    });
    // A closed stdin (the child has exited) is reported by next(), not thrown here.
    this.#child.stdin.on('error', () => {});
    this.#child.stderr.setEncoding('utf8').on('data', (d: string) => {
      this.#stderr = (this.#stderr + d).slice(-4000);
    });
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]();
  }

  send(line: string): void {
    this.#child.stdin.write(`${line}\n`);
  }

  /** The next answer line; throws with the child's last error line if it ended or took too long. */
  async next(): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
    });
    try {
      const r = await Promise.race([this.#lines.next(), timeout]);
      if (r.done === true) throw new Error(this.#spawnError ?? (this.#stderr.trim().split('\n').pop() || 'the process ended'));
      return r.value;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#child.stdin.end();
    this.#child.kill();
  }
}
