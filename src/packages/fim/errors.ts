/** A FIM file that cannot be imported at all; the message names the problem in German and English. */
export type FimErrorCode =
  | 'FIM_NOT_XML'
  | 'FIM_TOO_LARGE'
  | 'FIM_UNKNOWN_NAMESPACE'
  | 'FIM_UNSUPPORTED_MESSAGE'
  | 'FIM_MISSING_ELEMENT'
  | 'FIM_EMPTY_ELEMENT'
  | 'FIM_DUPLICATE_ELEMENT'
  | 'FIM_NO_FIELDS'
  | 'FIM_INVALID_CODELIST';

export class FimImportError extends Error {
  override name = 'FimImportError';
  /** An upload of a broken file is the client's problem, not ours. */
  readonly statusCode = 422;
  constructor(
    readonly code: FimErrorCode,
    readonly de: string,
    readonly en: string,
  ) {
    super(`${de} / ${en}`);
  }
}
