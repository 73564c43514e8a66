export const repoRoot: string;
export const buildInputs: string[];
export const buildOutputs: string[];
export function newestMtime(root: string, relativePaths: string[]): number;
export function isBuildStale(root?: string): boolean;
export function runBuild(root?: string, options?: { verbose?: boolean; write?: (text: string) => void }): boolean;
export function ensureBuilt(options?: {
  root?: string;
  force?: boolean;
  log?: (message: string) => void;
  build?: (root: string) => boolean;
}): boolean;
