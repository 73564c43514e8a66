export const sqlitePackage: string;
export function electronNativeBindingPath(root: string, electronVersion: string, platform?: string, arch?: string): string;
export function cleanBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function nodeGypCommand(env?: NodeJS.ProcessEnv): [string, string[]];
export type RunResult = { status: number; error?: Error };
export type Run = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }) => RunResult;
export function ensureElectronNative(options?: {
  root?: string;
  electronVersion?: string;
  platform?: string;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  run?: Run;
  log?: (message: string) => void;
}): { ok: boolean; file: string; built: boolean; reason?: string };
