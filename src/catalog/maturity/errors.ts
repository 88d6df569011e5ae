/** Errors of the maturity module: a model file that cannot be used, or answers that do not fit a model. */

/** A maturity model with every problem found (place: message), like PackageError for packages. */
export class MaturityModelError extends Error {
  override name = 'MaturityModelError';
  readonly code = 'MATURITY_MODEL_INVALID';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  }
}

/** Answers that name an unknown criterion or option, or overwrite a derived answer. */
export class MaturityAnswerError extends Error {
  override name = 'MaturityAnswerError';
  readonly code = 'MATURITY_ANSWER_INVALID';
}
