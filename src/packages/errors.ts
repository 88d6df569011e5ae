/** A package that cannot be used, with every problem found (path: message), so a designer can fix all at once. */
export class PackageError extends Error {
  override name = 'PackageError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  }
}
