// DOM. The assessment form editor's values: a template as the form holds it (every text in all five
// languages, possibly empty while being typed), back to the contract's shape for saving, and the
// resolver that checks that shape with the shared template schema.
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import {
  localizedText,
  templateDefinitionSchema,
  type AssessmentTemplate,
  type LocalizedText,
  type Question,
  type QuestionType,
} from '@shared/assessments/contract';
import { languages, type Language } from '@shared/i18n/languages';
import { formSchemaOptions } from '../../ui/errors';

export type Text = Record<Language, string>;

export interface OptionValues {
  value: string;
  label: Text;
}
export interface QuestionValues {
  id: string;
  type: QuestionType;
  label: Text;
  required: boolean;
  multiple: boolean;
  options: OptionValues[];
  /** Kept as loaded (not edited here): help, own scale labels, the score guide. */
  help?: Text;
  scaleLabels?: Text[];
  anchors?: Question['anchors'];
  ageGuidance?: Question['ageGuidance'];
}
export interface DomainValues {
  id: string;
  title: Text;
  questions: QuestionValues[];
}
export interface Values {
  /** The version the edit started from (kept in the draft too, so a stale draft is refused). */
  basedOnVersion: number;
  title: Text;
  definition: { domains: DomainValues[]; scaleLabels: Text[]; childViewsRequired: boolean };
}

export const blank = (): Text => Object.fromEntries(languages.map((l) => [l, ''])) as Text;
const asText = (text: LocalizedText | undefined): Text => ({ ...blank(), ...(text ?? {}) });

let counter = 0;
/** A fresh id for a new domain, question or option (ids never shown, unique within the form). */
export const newId = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A new question as the editor adds it: a scale, nothing typed yet. */
export const newQuestion = (): QuestionValues => ({ id: newId('q'), type: 'scale', label: blank(), required: false, multiple: false, options: [] });

export function toValues(template: AssessmentTemplate): Values {
  const d = template.definition;
  return {
    basedOnVersion: template.version,
    title: asText(template.title),
    definition: {
      childViewsRequired: d.childViewsRequired,
      scaleLabels: d.scaleLabels.map(asText),
      domains: d.domains.map((domain) => ({
        id: domain.id,
        title: asText(domain.title),
        questions: domain.questions.map((q) => ({
          id: q.id,
          type: q.type,
          label: asText(q.label),
          required: q.required,
          multiple: Boolean(q.multiple),
          options: (q.options ?? []).map((o) => ({ value: o.value, label: asText(o.label) })),
          ...(q.help ? { help: asText(q.help) } : {}),
          ...(q.scaleLabels ? { scaleLabels: q.scaleLabels.map(asText) } : {}),
          ...(q.anchors ? { anchors: q.anchors } : {}),
          ...(q.ageGuidance ? { ageGuidance: q.ageGuidance } : {}),
        })),
      })),
    },
  };
}

/** A translation left empty is saved with the English text (it stays flagged until translated). */
const filled = (text: Text | undefined): Text => {
  const t = text ?? blank();
  const en = (t.en ?? '').trim();
  return Object.fromEntries(languages.map((l) => [l, (t[l] ?? '').trim() || en])) as Text;
};

/** The form's values in the contract's shape (what the shared schema then checks). */
function toPayload(raw: unknown): unknown {
  const v = raw as Values;
  if (!v || typeof v !== 'object' || !v.definition) return raw;
  return {
    title: filled(v.title),
    definition: {
      childViewsRequired: v.definition.childViewsRequired,
      scaleLabels: v.definition.scaleLabels.map(filled),
      domains: v.definition.domains.map((domain) => ({
        id: domain.id,
        title: filled(domain.title),
        questions: domain.questions.map((q) => ({
          id: q.id,
          type: q.type,
          label: filled(q.label),
          required: q.required,
          ...(q.help ? { help: Object.fromEntries(languages.map((l) => [l, (q.help?.[l] ?? '').trim()])) } : {}),
          ...(q.type === 'choice'
            ? { options: q.options.map((o) => ({ value: o.value, label: filled(o.label) })), multiple: q.multiple }
            : {}),
          ...(q.type === 'scale' && q.scaleLabels ? { scaleLabels: q.scaleLabels.map(filled) } : {}),
          ...(q.type === 'scale' && q.anchors ? { anchors: q.anchors } : {}),
          ...(q.type === 'scale' && q.ageGuidance ? { ageGuidance: q.ageGuidance } : {}),
        })),
      })),
    },
  };
}

const payloadSchema = z.object({ title: localizedText, definition: templateDefinitionSchema });
export type Payload = z.output<typeof payloadSchema>;
// The resolver checks (and returns) the payload the contract takes; its error paths are the form's.
const formSchema = z.preprocess(toPayload, payloadSchema);
export const resolver = zodResolver(formSchema as unknown as typeof payloadSchema, formSchemaOptions) as unknown as Resolver<Values, unknown, Payload>;
