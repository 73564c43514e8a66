export const homewardFuses: Record<string | number, unknown> & { version: string };
export function requiredFuseStates(): Record<string, 'enabled' | 'disabled'>;
export function readFuses(binary: string): Promise<Record<string, string>>;
export function fuseProblems(states: Record<string, string>): string[];
export function applyHomewardFuses(binary: string, options?: { platform?: string }): Promise<Record<string, string>>;
