// Node-only. What an internal error may put in a log: its kind, its code and where it happened —
// never its message. Messages carry data: a JSON parse error quotes the text it choked on (a child's
// name), a driver error may quote a value. Logs sit outside the encrypted store, so they get codes
// and ids only; the incident id ties a log line to what the user saw.
import crypto from 'node:crypto';

/** A short random id for one failure, shown to the user and written to the log. */
export function newIncidentId(): string {
  return crypto.randomBytes(4).toString('hex');
}

const frameLimit = 6;

/** "TypeError [ERR_X] at fn (file:line:col) < …": the error without its message. */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? ` [${code}]` : '';
  // Stack frames are code locations; the first lines of a stack repeat the message, so only lines
  // that are frames ("    at …") are kept.
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, frameLimit)
    .map((line) => line.trim().slice(3));
  const where = frames.length > 0 ? ` at ${frames.join(' < ')}` : '';
  const cause = error.cause !== undefined ? ` (cause: ${errorForLog(error.cause)})` : '';
  return `${error.name}${codeText}${where}${cause}`;
}
