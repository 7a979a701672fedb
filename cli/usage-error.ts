/** A mistake in how mashflow was called: one line to the user, exit 2. */
// On its own, not in files.ts, so `mashflow --help` does not load the model and case-file parsers.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
