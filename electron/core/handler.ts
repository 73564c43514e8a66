// Node-only. What a handler receives and returns. Handlers are plain async functions keyed by
// channel name; transports never call them directly, only through Core.invoke.
import type { Kysely, Transaction } from 'kysely';
import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { Language } from '../../shared/i18n/languages';
import type { Role } from '../../shared/permissions';
import type { AuditEvent } from './audit/audit';
import type { DB } from './db/schema';

export interface Session {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  language: Language;
  locked: boolean;
  /** An administrator set the password: only the channels in channelsBeforePasswordChange work. */
  mustChangePassword: boolean;
  startedAt: number;
  lastActivityAt: number;
}

/** A connection paired as a conference's family screen (conference/family-view.ts). */
export interface FamilyViewGrant {
  conferenceId: string;
  caseId: string;
  /** The facilitator's connection and user: the view lives only while they stay signed in. */
  facilitatorConnId: string;
  pairedBy: string;
  /** Epoch milliseconds after which the view is refused. */
  until: number;
}

/** One transport connection: an Electron window, the browser-mode page, or a test client. */
export interface Connection {
  readonly id: string;
  session: Session | null;
  /** Set once the connection is a family view: it may then call the family-view channels only. */
  familyView?: FamilyViewGrant | null;
}

export interface HandlerEnv {
  conn: Connection;
  /** The caller's session; handlers of 'public' channels must not rely on it. */
  session: Session;
  now(): Date;
  /** The open database (throws NOT_AUTHENTICATED when no one has unlocked it). */
  db(): Kysely<DB>;
  /** One write transaction; everything inside commits together or not at all. */
  tx<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Appends an audit entry as the current user inside the given transaction. */
  audit(trx: Kysely<DB> | Transaction<DB>, event: Omit<AuditEvent, 'userId' | 'username'>): Promise<void>;
}

export type Handler<N extends ChannelName> = (input: ParsedInput<N>, env: HandlerEnv) => Promise<ChannelOutput<N>>;

export type HandlerMap<K extends ChannelName = ChannelName> = { [N in K]: Handler<N> };

/** Declares a feature's handlers with full typing from the shared contract. */
export function defineHandlers<K extends ChannelName>(map: HandlerMap<K>): HandlerMap<K> {
  return map;
}
