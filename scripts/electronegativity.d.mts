export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}
export const excludedChecks: Record<string, string>;
export const failingSeverities: string[];
export function toFindings(issues: unknown[]): Finding[];
export function judge(findings: Finding[], excluded?: Record<string, string>): { kept: Finding[]; skipped: Finding[]; failing: Finding[] };
export function runElectronegativity(options?: { root?: string; log?: (...parts: unknown[]) => void }): Promise<number>;
