/**
 * A function of a solution (the draft a builder edits): an ES2022 module exporting
 * `async function main(args, context)`, run in the sandbox with its own limits.
 */
export interface SolutionFunction {
  readonly id: string;
  readonly solutionId: string;
  /** `^[a-z][a-z0-9_]{1,49}$`, unique per solution: the `{function}` of `{solution}.{function}`. */
  readonly apiName: string;
  readonly name: string;
  readonly source: string;
  /** Wall-clock limit of one run, within the server-wide cap. */
  readonly timeoutMs: number;
  /** Heap limit of one run, within the server-wide cap. */
  readonly memoryMb: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A function as a release recorded it: what subscriber orgs of that release run. */
export interface ReleasedFunction {
  readonly releaseId: string;
  readonly apiName: string;
  readonly name: string;
  readonly source: string;
  readonly timeoutMs: number;
  readonly memoryMb: number;
}
