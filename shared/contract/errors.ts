// Environment-free. Error codes that cross every transport. Each code has a translated message in
// locales/<lang>/errors.json; `message` on the wire is an English fallback for logs only.
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_AUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_FOUND',
  'CONFLICT',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
  'PASSWORD_WEAK',
  'PASSWORD_INCORRECT',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_UNCHANGED',
  'RECOVERY_KEY_INVALID',
  'USERNAME_TAKEN',
  'LAST_ADMIN',
  'DB_KEY_INVALID',
  'DB_FROM_FUTURE',
  'DB_CORRUPT',
  'DB_UNREADABLE',
  'OFFICE_BUSY',
  'GATE_BLOCKED',
  'SELF_APPROVAL',
  // A closed case is kept read-only (G:L293); a supervisor re-opens it with a reason.
  'CASE_CLOSED',
  'CONSENT_REQUIRED',
  'CONTACT_RESTRICTED',
  'BACKUP_FOLDER_INVALID',
  'BACKUP_INVALID',
  'BACKUP_RUNNING',
  'BACKUP_FAILED',
  'INVALID_DATE',
  'REFERRAL_INVALID_MOVE',
  // A sealed referral file goes only to a provider linked to a trusted, unrevoked partner office.
  'REFERRAL_NOT_PARTNER',
  // A referral file (or a partner's answer) opened where case transfers are: it belongs under Referrals.
  'TRANSFER_IS_REFERRAL',
  // A category that services or referrals use is retired, not deleted.
  'CATEGORY_IN_USE',
  // Family conferencing: a person who poses a risk invited without a supervisor's safety note; a
  // confidential record chosen for the family's screen.
  'SAFETY_NOTE_REQUIRED',
  'CONFIDENTIAL_ITEM',
  // The standard Child Status Index factors are locked (shared/assessments/standard.ts).
  'STANDARD_FACTORS_LOCKED',
  'INTERNAL',
  'PDF_UNAVAILABLE',
  // Case-transfer files (shared/transfer): each way a file can be refused has its own code.
  'TRANSFER_TOO_LARGE',
  'TRANSFER_MALFORMED',
  'TRANSFER_UNSUPPORTED_VERSION',
  'TRANSFER_BAD_SIGNATURE',
  'TRANSFER_UNKNOWN_SENDER',
  'TRANSFER_SENDER_REVOKED',
  'TRANSFER_WRONG_RECIPIENT',
  'TRANSFER_UNSAFE_CONTAINER',
  'TRANSFER_INVALID_RECORDS',
  'TRANSFER_ALREADY_IMPORTED',
  'TRANSFER_STALE',
  'TRANSFER_NO_CONSENT',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ValidationIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** An error a user can cause: a stable code, an English fallback, parameters for the translation. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  readonly issues?: ValidationIssue[];
  constructor(
    code: ErrorCode,
    message: string,
    extra: { params?: Record<string, string | number>; issues?: ValidationIssue[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = extra.params;
    this.issues = extra.issues;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.params) wire.params = this.params;
    if (this.issues) wire.issues = this.issues;
    return wire;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
