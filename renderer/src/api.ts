// DOM. The renderer's only door to the core. In Electron the preload exposes `window.api`, one
// function per channel; in browser mode the loopback bridge serves the same channels at
// POST /api/<channel>. Either way a call resolves with the value or throws an ApiError that
// carries the stable code (never a stack trace, never English meant for the user).
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import type { ErrorCode, Result, ValidationIssue } from '@shared/contract/errors';

/** Codes the renderer raises itself, when the core could not even be reached. */
export type ClientErrorCode = 'UNREACHABLE';

export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly params: Record<string, string | number>;
  readonly issues: ValidationIssue[];
  readonly channel: ChannelName;
  constructor(
    channel: ChannelName,
    code: ErrorCode | ClientErrorCode,
    message: string,
    params: Record<string, string | number> = {},
    issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.channel = channel;
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

export type WindowApi = {
  [N in ChannelName]: (input: ChannelInput<N>) => Promise<Result<ChannelOutput<N>>>;
};

declare global {
  interface Window {
    api?: WindowApi;
  }
}

type Transport = <N extends ChannelName>(channel: N, input: ChannelInput<N>) => Promise<Result<ChannelOutput<N>>>;

const ipcTransport: Transport = (channel, input) => {
  const fn = window.api?.[channel] as ((input: unknown) => Promise<Result<never>>) | undefined;
  if (!fn) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } });
  return fn(input);
};

/**
 * Browser mode: a tab that must not share the page's core connection (the family's conference
 * screen in a second tab) names its own; in Electron every window has its own connection anyway.
 */
let tabConnection: string | null = null;
export function claimOwnConnection(): void {
  if (tabConnection) return;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  tabConnection = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const bridgeTransport: Transport = async (channel, input) => {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(tabConnection ? { 'x-homeward-tab': tabConnection } : {}) },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const body = (await response.json()) as Result<never>;
  if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') throw new Error('bad response');
  return body;
};

function transport(): Transport {
  return typeof window.api === 'object' && window.api !== null ? ipcTransport : bridgeTransport;
}

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/** Lets the session shell react to SESSION_LOCKED or NOT_AUTHENTICATED from any call. */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

export async function call<N extends ChannelName>(channel: N, input: ChannelInput<N>): Promise<ChannelOutput<N>> {
  let result: Result<ChannelOutput<N>>;
  try {
    result = await transport()(channel, input);
  } catch {
    const error = new ApiError(channel, 'UNREACHABLE', 'the core could not be reached');
    for (const listener of errorListeners) listener(error);
    throw error;
  }
  if (result.ok) return result.value;
  const { code, message, params, issues } = result.error;
  const error = new ApiError(channel, code, message, params, issues);
  for (const listener of errorListeners) listener(error);
  throw error;
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
