/**
 * One benchmark case: the same work done by core and by a reference library, timed side by side
 * in one run. `reference` is Python evaluated by bench/reference.py, where `x` is the shared sample
 * (`np.random.seed(42); x = np.random.normal(5, 2, 1_000_000)`) and numpy/scipy/sklearn are imported
 * as np, scipy (with scipy.stats), sklearn; torch and matplotlib (with matplotlib.cbook) too when
 * installed.
 */
export interface BenchCase {
  /** Short label, e.g. 'closed-form MLE'. */
  name: string;
  /** Which library the reference uses. */
  referenceLib: 'numpy' | 'scipy' | 'scikit-learn' | 'torch' | 'matplotlib' | 'python';
  /** Largest acceptable ratio core time ÷ reference time (from issue 3). */
  target: number;
  /** The core side; receives the shared 1e6 sample. */
  core: (x: Float64Array) => unknown;
  /** The reference side, a Python statement or block. */
  reference: string;
}
