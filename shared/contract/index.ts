// Environment-free. The whole API: every channel of every feature, declared once. Types are
// inferred from the schemas; `channelNames` is the runtime list (types vanish at run time).
import type { z } from 'zod';
import { adminChannels } from '../admin/contract';
import { auditChannels } from '../audit/contract';
import { sessionChannels } from '../session/contract';
import type { ChannelDef } from './channel';

export const channels = {
  ...sessionChannels,
  ...adminChannels,
  ...auditChannels,
} satisfies Record<string, ChannelDef>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels & string;
export type ChannelInput<N extends ChannelName> = z.input<Channels[N]['input']>;
export type ChannelOutput<N extends ChannelName> = z.output<Channels[N]['output']>;
export type ParsedInput<N extends ChannelName> = z.output<Channels[N]['input']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export * from './errors';
export type { ChannelDef } from './channel';
