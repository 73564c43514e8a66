// Node-only. The generator's preparation records: every case that reached preparation has a care
// arrangement while waiting and a few checklist items (mostly finished once the case moved on);
// every case past preparation has someone agreed to monitor after reunification. A spontaneous
// reunification skipped preparation (the child went home alone): it gets a monitor, nothing else.
// Only the contributor is exported: the generator runs every exported function.
import { namePools } from '../cases/seed-names';
import type { SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { todayIso } from '../../../shared/cases/fields';
import { stageIndex } from '../../../shared/cases/stages';
import { defaultPreparationItems, monitorRoles, type PreparationItemStatus } from '../../../shared/preparation/schemas';
import { addDays, preparationStartedOn, stampOn } from '../plans/seed-timing';
import { seedText, seededArrangements } from '../plans/seed-text';

function statements(raw: RawDatabase) {
  return {
    care: raw.prepare(
      `INSERT INTO preparation_care (id, case_id, arrangement, place, distance_km, since, close_to_home, notes, recorded_at, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    ),
    header: raw.prepare('UPDATE cases SET care_arrangement = ?, care_place = ? WHERE id = ?'),
    item: raw.prepare(
      `INSERT INTO preparation_items (id, case_id, area, template_key, description, owner, due_date, status, notes, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, '', ?, ?, ?, '', ?, ?, ?)`,
    ),
    monitor: raw.prepare(
      `INSERT INTO preparation_monitors (case_id, name, role, contact, agreed_on, notes, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
    ),
  };
}

const cache = new WeakMap<RawDatabase, ReturnType<typeof statements>>();
const prepared = (raw: RawDatabase) => {
  let s = cache.get(raw);
  if (!s) cache.set(raw, (s = statements(raw)));
  return s;
};

export const seedPreparation: SeedContributor = (ctx, cases) => {
  const s = prepared(ctx.raw);
  const today = todayIso(ctx.now);
  const workers = new Map(ctx.staff.map((p) => [p.id, p.displayName]));

  for (const c of cases) {
    const stage = stageIndex(c.stage);
    if (stage < 1) continue;
    const prepStart = preparationStartedOn(c, ctx.now, ctx.rng);
    const at = (date: string, hour: number) => stampOn(date, c, ctx.now, hour);

    if (!c.spontaneous) {
      const text = seedText[c.language];
      const arrangement = ctx.pick(seededArrangements);
      const place = `${text.arrangements[arrangement]}, ${ctx.pick(namePools[c.language].places)}`;
      const distance = Math.round(ctx.rng() * (arrangement === 'kinship_care' ? 30 : 80) * 10) / 10;
      s.care.run(ctx.uuid(), c.id, arrangement, place, distance, prepStart, ctx.rng() < 0.7 ? 1 : 0, at(prepStart, 10), c.workerId);
      // While the child waits, the case header says where they are.
      if (c.stage === 'preparation') s.header.run(arrangement, place, c.id);

      const chosen = new Set<number>();
      const count = 2 + Math.floor(ctx.rng() * 3);
      while (chosen.size < count) chosen.add(Math.floor(ctx.rng() * defaultPreparationItems.length));
      let position = 0;
      for (const index of chosen) {
        const item = defaultPreparationItems[index];
        const roll = ctx.rng();
        const status: PreparationItemStatus =
          // Past preparation every item is settled: items still to do block the move (preparationDone).
          stage >= 2
            ? roll < 0.85 ? 'done' : 'not_applicable'
            : roll < 0.35 ? 'open' : roll < 0.65 ? 'in_progress' : roll < 0.9 ? 'done' : 'not_applicable';
        const due = addDays(prepStart, 14 + Math.floor(ctx.rng() * 60));
        s.item.run(ctx.uuid(), c.id, item.area, item.key, workers.get(c.workerId) ?? '', due, status, position++, at(prepStart, 11), at(prepStart, 11));
      }
    }

    if (stage >= 2 || c.spontaneous || ctx.rng() < 0.5) {
      const role = ctx.pick(monitorRoles);
      const person = ctx.personName(c.language, ctx.rng() < 0.5 ? 'female' : 'male');
      const name = role === 'case_worker' ? (workers.get(c.workerId) ?? `${person.givenName} ${person.familyName}`) : `${person.givenName} ${person.familyName}`;
      const agreedOn = addDays(prepStart, 7 + Math.floor(ctx.rng() * 30));
      const agreed = agreedOn > today ? today : agreedOn;
      const phone = `+${Math.floor(100 + ctx.rng() * 899)} ${Math.floor(700_000_000 + ctx.rng() * 99_999_999)}`;
      s.monitor.run(c.id, name, role, phone, agreed, at(agreed, 12), c.workerId);
    }
  }
};
