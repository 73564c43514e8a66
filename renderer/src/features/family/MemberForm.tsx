// DOM. The form for one person of the child's network: who they are to the child, their name and
// age, the caregiver and household flags, for a sibling where they live and whether they are in
// contact with the child, then contact details and location. Typing is kept as a draft.
import { contactRestrictions } from '@shared/contacts/ladder';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { sexes } from '@shared/cases/fields';
import {
  contactStatuses,
  familyMemberInput,
  importantPersonRoles,
  memberKinds,
  relationships,
  siblingLivingSituations,
  siblingRelationships,
  type FamilyMember,
  type FamilyMemberInput,
  type FamilyMemberValues,
  type MemberKind,
} from '@shared/family/contract';
import { ApiError, call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { Choice, ChoiceGroup } from './fields';
import { useCountryName } from './kit';

type Values = Omit<FamilyMemberInput, 'id' | 'version'>;

export function blankMember(kind: MemberKind): Values {
  return {
    kind,
    relationship: kind === 'sibling' ? 'sibling' : null,
    role: null,
    roleOther: '',
    givenName: '',
    familyName: '',
    sex: 'unknown',
    dateOfBirth: null,
    estimatedAgeYears: null,
    isCaregiver: false,
    livesWithChild: false,
    deceased: false,
    phone: '',
    otherContact: '',
    place: '',
    area: '',
    country: null,
    livingSituation: null,
    carePlace: '',
    inContact: kind === 'sibling' ? 'unknown' : null,
    keepTogether: kind === 'sibling' ? true : null,
    posesRisk: false,
    restriction: 'none',
    mustNotKnowLocation: false,
    notes: '',
  };
}

function valuesOf(m: FamilyMember): Values {
  const { id: _id, version: _version, ageYears: _age, createdAt: _c, updatedAt: _u, removed: _r, ...values } = m;
  return values;
}

const orNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : v);
const ageValue = (v: unknown) => (v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));
const triState = (v: unknown) => (v === '' || v === null || v === undefined ? null : v === true || v === 'true');
const countryValue = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : null);

const relativeRelationships = relationships.filter((r) => !(siblingRelationships as readonly string[]).includes(r));
const memberField = topLevelField(Object.keys(blankMember('relative')) as (keyof Values)[], 'member');

export function MemberForm({ caseFile, member, kind, onClose }: { caseFile: CaseFile; member: FamilyMember | null; kind: MemberKind; onClose: () => void }) {
  const { t } = useTranslation(['family', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const countryName = useCountryName();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values, unknown, FamilyMemberValues>({
    resolver: zodResolver(familyMemberInput, formSchemaOptions),
    defaultValues: member ? valuesOf(member) : blankMember(kind),
    mode: 'onTouched',
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:family:${member ? `edit:${member.id}` : `new:${kind}`}`, { enabled: caseFile.canWrite });
  const { errors, isSubmitting } = form.formState;
  const [currentKind, role, country, deceased] = useWatch({ control: form.control, name: ['kind', 'role', 'country', 'deceased'] });

  const save = useMutation({
    mutationFn: (values: FamilyMemberValues) =>
      call('family.save', { caseId: caseFile.id, member: member ? { ...values, id: member.id, version: member.version } : values }),
  });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await draft.discard();
      invalidate();
      toast.show(t('saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') invalidate();
      if (!applyCoreIssues(error, form.setError, memberField)) setFailure(error);
    }
  });

  const relationshipOptions = currentKind === 'sibling' ? siblingRelationships : relativeRelationships;

  return (
    <form className="stack" noValidate onSubmit={submit} aria-describedby={draft.restored ? 'family-draft-restored' : undefined}>
      {draft.restored ? (
        <Alert tone="info" live={false}>
          <span id="family-draft-restored">{t('draft.restored')}</span>
        </Alert>
      ) : null}

      <ChoiceGroup label={t('fields.kind')} required error={errors.kind}>
        {memberKinds.map((k) => (
          <Choice key={k} type="radio" value={k} label={t(`kinds.${k}`)} {...form.register('kind')} />
        ))}
      </ChoiceGroup>

      <div className="form-grid">
        {currentKind === 'important_person' ? (
          <SelectField label={t('fields.role')} required error={errors.role} {...form.register('role', { setValueAs: orNull })}>
            <option value="">{t('choose')}</option>
            {importantPersonRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
        ) : (
          <SelectField label={t('fields.relationship')} required error={errors.relationship} {...form.register('relationship', { setValueAs: orNull })}>
            <option value="">{t('choose')}</option>
            {relationshipOptions.map((r) => (
              <option key={r} value={r}>
                {t(`relationships.${r}`)}
              </option>
            ))}
          </SelectField>
        )}
        {currentKind === 'important_person' && role === 'other' ? (
          <TextField label={t('fields.roleOther')} required error={errors.roleOther} {...form.register('roleOther')} />
        ) : null}
      </div>

      <div className="form-grid">
        <TextField label={t('fields.givenName')} required autoComplete="off" error={errors.givenName} {...form.register('givenName')} />
        <TextField label={t('fields.familyName')} autoComplete="off" error={errors.familyName} {...form.register('familyName')} />
        <SelectField label={t('fields.sex')} error={errors.sex} {...form.register('sex')}>
          {sexes.map((s) => (
            <option key={s} value={s}>
              {t(`sexes.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <TextField
          type="date"
          label={t('fields.dateOfBirth')}
          max={todayUtc()}
          error={errors.dateOfBirth}
          {...form.register('dateOfBirth', { setValueAs: orNull })}
        />
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          label={t('fields.estimatedAge')}
          description={t('fields.estimatedAgeHelp')}
          error={errors.estimatedAgeYears}
          {...form.register('estimatedAgeYears', { setValueAs: ageValue })}
        />
      </div>

      <div className="form-grid">
        <CheckboxField label={t('fields.isCaregiver')} description={t('fields.isCaregiverHelp')} disabled={deceased === true} error={errors.isCaregiver} {...form.register('isCaregiver')} />
        <CheckboxField label={t('fields.livesWithChild')} disabled={deceased === true} error={errors.livesWithChild} {...form.register('livesWithChild')} />
        <CheckboxField label={t('fields.deceased')} error={errors.deceased} {...form.register('deceased')} />
      </div>

      {currentKind === 'sibling' ? (
        <section className="network-group" aria-labelledby="family-sibling-heading">
          <h3 className="network-group__title" id="family-sibling-heading">
            {t('sibling.heading')}
          </h3>
          <p className="muted">{t('sibling.guidance')}</p>
          <div className="form-grid">
            <SelectField label={t('fields.livingSituation')} required error={errors.livingSituation} {...form.register('livingSituation', { setValueAs: orNull })}>
              <option value="">{t('choose')}</option>
              {siblingLivingSituations.map((s) => (
                <option key={s} value={s}>
                  {t(`living.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('fields.carePlace')} description={t('fields.carePlaceHelp')} error={errors.carePlace} {...form.register('carePlace')} />
          </div>
          <ChoiceGroup label={t('fields.inContact')} error={errors.inContact}>
            {contactStatuses.map((s) => (
              <Choice key={s} type="radio" value={s} label={t(`contact.${s}`)} {...form.register('inContact', { setValueAs: orNull })} />
            ))}
          </ChoiceGroup>
          <SelectField label={t('fields.keepTogether')} description={t('fields.keepTogetherHelp')} error={errors.keepTogether} {...form.register('keepTogether', { setValueAs: triState })}>
            <option value="">{t('together.undecided')}</option>
            <option value="true">{t('together.yes')}</option>
            <option value="false">{t('together.no')}</option>
          </SelectField>
        </section>
      ) : null}

      <section className="network-group" aria-labelledby="family-contact-heading">
        <h3 className="network-group__title" id="family-contact-heading">
          {t('contactDetails')}
        </h3>
        <div className="form-grid">
          <TextField type="tel" dir="ltr" label={t('fields.phone')} autoComplete="off" error={errors.phone} {...form.register('phone')} />
          <TextField label={t('fields.otherContact')} description={t('fields.otherContactHelp')} error={errors.otherContact} {...form.register('otherContact')} />
        </div>
        <div className="form-grid">
          <TextField label={t('fields.place')} description={t('fields.placeHelp')} error={errors.place} {...form.register('place')} />
          <TextField label={t('fields.area')} error={errors.area} {...form.register('area')} />
          <TextField
            label={t('fields.country')}
            description={country ? countryName(country) : t('fields.countryHelp')}
            maxLength={2}
            autoCapitalize="characters"
            className="field--narrow"
            dir="ltr"
            error={errors.country}
            {...form.register('country', { setValueAs: countryValue })}
          />
        </div>
      </section>

      <section className="network-group" aria-labelledby="family-risk-heading">
        <h3 className="network-group__title" id="family-risk-heading">
          {t('fields.posesRisk')}
        </h3>
        <div className="form-grid">
          <CheckboxField label={t('fields.posesRisk')} description={t('fields.posesRiskHelp')} error={errors.posesRisk} {...form.register('posesRisk')} />
          <SelectField label={t('fields.restriction')} error={errors.restriction} {...form.register('restriction')}>
            {contactRestrictions.map((r) => (
              <option key={r} value={r}>
                {t(`restrictions.${r}`)}
              </option>
            ))}
          </SelectField>
          <CheckboxField label={t('fields.mustNotKnowLocation')} error={errors.mustNotKnowLocation} {...form.register('mustNotKnowLocation')} />
        </div>
      </section>

      <TextAreaField label={t('fields.notes')} rows={3} error={errors.notes} {...form.register('notes')} />

      <ErrorAlert error={failure} />
      <FormFooter submit={t('save')} busy={isSubmitting} onCancel={onClose} savedText={draft.savedAt ? t('draft.saved') : null} disabled={!caseFile.canWrite} />
    </form>
  );
}
