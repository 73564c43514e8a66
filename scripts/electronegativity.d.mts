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
export function parseCsv(text: string): string[][];
export function readFindings(csvText: string): Finding[];
export function judge(findings: Finding[], excluded?: Record<string, string>): { kept: Finding[]; skipped: Finding[]; failing: Finding[] };
export function runElectronegativity(options?: { root?: string; log?: (...parts: unknown[]) => void }): number;
