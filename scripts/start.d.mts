export function findElectronBinary(root?: string, env?: NodeJS.ProcessEnv): string | null;
export function installElectronBinary(
  root?: string,
  options?: {
    timeoutMs?: number;
    run?: (command: string, args: string[], options: object) => { status: number | null; stdout?: string; stderr?: string; error?: Error & { code?: string } };
    log?: (message: string) => void;
  },
): boolean;
export function electronBlockedReason(options?: { platform?: string; uid?: number }): string | null;
export const electronInstallerNode: string;
export function electronInstallerBlockedReason(nodeVersion?: string): string | null;
