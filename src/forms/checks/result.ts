/** The outcome of a format check: the normalised value to store, or the one problem that names the fix. */
export type CheckResult<T, P extends string = string> = { ok: true; value: T } | { ok: false; problem: P };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<P extends string>(problem: P): { ok: false; problem: P } {
  return { ok: false, problem };
}
