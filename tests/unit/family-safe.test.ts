// Every schema that reaches the family's screen, walked field by field: none is marked
// confidential, and none carries a field the case file treats as confidential (a risk flag, a
// restriction, a place, notes, the supervisor's safety note, the facilitator's notes).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conferenceSchema } from '../../shared/conference/contract';
import { channelNames, channels } from '../../shared/contract';
import { familyMemberSchema } from '../../shared/family/contract';

interface Field {
  path: string;
  name: string;
  schema: z.ZodType;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of a schema, through wrappers, arrays, unions and pipes. */
function fieldsOf(schema: z.ZodType, path = '', name = ''): Field[] {
  const def = defOf(schema);
  const here: Field[] = path ? [{ path, name, schema }] : [];
  switch (def.type) {
    case 'object':
      return [...here, ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => fieldsOf(child, path ? `${path}.${key}` : key, key))];
    case 'array':
      return [...here, ...fieldsOf(def.element!, `${path}[]`, name).filter((f) => f.path !== `${path}[]`)];
    case 'union':
      return [...here, ...def.options!.flatMap((option) => fieldsOf(option, path, name).filter((f) => f.path !== path))];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return [...here, ...fieldsOf(def.innerType!, path, name).filter((f) => f.path !== path)];
    case 'pipe':
      return [...here, ...fieldsOf(def.out!, path, name).filter((f) => f.path !== path)];
    default:
      return here;
  }
}

const isMarked = (schema: z.ZodType): boolean => {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if ((current.meta() as { confidential?: boolean } | undefined)?.confidential) return true;
    const def = defOf(current);
    current = def.innerType;
  }
  return false;
};

/** Names the case file uses for what a family must never be shown. */
const confidentialNames = new Set([
  'posesRisk',
  'restriction',
  'mustNotKnowLocation',
  'safetyNote',
  'safetyNoteBy',
  'facilitatorNotes',
  'notes',
  'place',
  'area',
  'carePlace',
  'phone',
  'otherContact',
  'memberId',
  'caseId',
  'confidential',
  'interpreter',
  'venue',
  'facilitatorName',
  'disagreement',
]);

const familyChannels = channelNames.filter((name) => channels[name].access === 'familyView' || name === 'conference.pairFamilyView');

describe('family-safe output schemas', () => {
  it('the walk reaches every field, and finds the marked ones where they are (the staff conference)', () => {
    const staff = fieldsOf(conferenceSchema);
    expect(staff.filter((f) => isMarked(f.schema)).map((f) => f.path).sort()).toEqual(
      ['facilitatorNotes', 'invitees[].posesRisk', 'invitees[].safetyNote', 'invitees[].safetyNoteBy', 'invitees[].acknowledgement.reason'].sort(),
    );
    expect(fieldsOf(familyMemberSchema).some((f) => confidentialNames.has(f.name))).toBe(true);
  });

  it('there are family-view channels to check', () => {
    expect(familyChannels.sort()).toEqual(['conference.familyScreen', 'conference.pairFamilyView']);
  });

  it.each(familyChannels)('every field of %s’s output is family-safe', (name) => {
    const fields = fieldsOf(channels[name].output);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      expect(isMarked(field.schema), field.path).toBe(false);
      expect(confidentialNames.has(field.name), field.path).toBe(false);
    }
  });

  it('the family screen’s fields are exactly these (a new field is a decision, made here)', () => {
    const paths = fieldsOf(channels['conference.familyScreen'].output).map((f) => f.path);
    expect([...new Set(paths)].sort()).toEqual(
      [
        'changed',
        'screen',
        'screen.revision',
        'screen.language',
        'screen.kind',
        'screen.purpose',
        'screen.steps',
        'screen.step',
        'screen.privateEndsAt',
        'screen.shown',
        'screen.shown[].kind',
        'screen.shown[].text',
        'screen.agreement',
        'screen.agreement[].who',
        'screen.agreement[].what',
        'screen.agreement[].byWhen',
        'screen.agreement[].supportNeeded',
        'screen.agreement[].familyPart',
        // Who has acknowledged the agreement: the name of a person in the room and their answer, never the reason.
        'screen.acknowledgements',
        'screen.acknowledgements[].name',
        'screen.acknowledgements[].answer',
      ].sort(),
    );
  });
});
