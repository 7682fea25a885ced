// The project's one tolerance helper lives with core's tests; worker tests use the very same code.
export { expectAllClose, expectClose, type Tolerance } from '../../../core/test/support/expect-close.ts';
