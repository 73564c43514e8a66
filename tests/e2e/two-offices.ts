// Set-up for specs with two offices in browser mode (two bridges, two data folders): each office
// with its administrator, case worker and supervisor (first passwords already replaced), its card
// handed to the other's administrator and trusted — all through the API, so the specs spend their
// screens on the exchange itself.
import { password, people } from './casework-kit';
import type { Bridge } from './fixtures';

export async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

export interface Card {
  cardText: string;
  fingerprint: string;
}

/** The office and its staff; returns the office card and leaves the bridge signed out. */
export async function setUpPartnerOffice(bridge: Bridge, code: string, name: string, language: 'en' | 'ar'): Promise<Card> {
  await ok(bridge, 'session.setupOffice', { office: { name, code, country: 'KE', defaultLanguage: language }, admin: { username: people.admin.username, displayName: people.admin.displayName, password } });
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  // An administrator's password is replaced at each person's first sign-in.
  const given = `${password} as given`;
  for (const person of [people.worker, people.supervisor]) await ok(bridge, 'admin.createUser', { ...person, language, password: given });
  const card = await ok(bridge, 'transfer.officeCard');
  await ok(bridge, 'session.logout');
  for (const person of [people.worker, people.supervisor]) {
    await ok(bridge, 'session.login', { username: person.username, password: given });
    await ok(bridge, 'session.changePassword', { currentPassword: given, newPassword: password });
    await ok(bridge, 'session.logout');
  }
  return card as unknown as Card;
}

/** The administrator trusts the other office's card (its fingerprint read back); returns the partner's id here. */
export async function trust(bridge: Bridge, card: Card, kind: 'office' | 'provider' = 'office'): Promise<string> {
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  const partner = await ok(bridge, 'transfer.trustPartner', { cardText: card.cardText, kind, fingerprint: card.fingerprint });
  await ok(bridge, 'session.logout');
  return partner.id as string;
}
