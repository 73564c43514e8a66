// DOM. Registration beyond the child's details: risk and priority, who holds the case (a
// supervisor may choose), and a spontaneous reunification (the child went home alone).
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { caseRiskLevels, priorities } from '@shared/cases/fields';
import { spontaneousKinds } from '@shared/tasks/rules';
import { useReadySession } from '../../../app/session';
import { todayUtc } from '../format';
import { Checkbox, Input, Select, TextArea } from '../form/fields';
import { useStaff } from '../queries';
import type { RegisterValues } from './registerForm';

export function CaseSetupFields() {
  const { t } = useTranslation('cases');
  const session = useReadySession();
  const canAssign = session.permissions.includes('case.assign');
  const staff = useStaff(canAssign);
  const { register, control, formState } = useFormContext<RegisterValues>();
  const errors = formState.errors;
  const [spontaneous, priority, spontaneousKind, paper] = useWatch({ control, name: ['spontaneous.enabled', 'priority', 'spontaneous.kind', 'paper.enabled'] });
  const others = (staff.data ?? []).filter((person) => person.id !== session.userId);

  return (
    <>
      <section className="form-section" aria-labelledby="register-case">
        <h2 className="form-section__title" id="register-case">
          {t('form.sections.case')}
        </h2>
        <div className="form-grid">
          <Select label={t('case.risk')} description={t('case.riskHelp')} error={errors.riskLevel} {...register('riskLevel')}>
            {caseRiskLevels.map((level) => (
              <option key={level} value={level}>
                {t(`risk.${level}`)}
              </option>
            ))}
          </Select>
          <Select label={t('case.priority')} error={errors.priority} {...register('priority')}>
            {priorities.map((level) => (
              <option key={level} value={level}>
                {t(`priority.${level}`)}
              </option>
            ))}
          </Select>
          {canAssign ? (
            <>
              <Select label={t('case.worker')} error={errors.workerId} {...register('workerId')}>
                <option value="">{t('form.me', { name: session.displayName })}</option>
                {others.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </Select>
              <Select label={t('case.familyWorker')} description={t('case.familyWorkerHelp')} error={errors.familyWorkerId} {...register('familyWorkerId')}>
                <option value="">{t('case.noFamilyWorker')}</option>
                {(staff.data ?? []).map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </Select>
            </>
          ) : null}
        </div>
      </section>

      <section className="form-section" aria-labelledby="register-paper">
        <h2 className="form-section__title" id="register-paper">
          {t('paper.title')}
        </h2>
        <Checkbox label={t('paper.enable')} description={t('paper.help')} {...register('paper.enabled')} />
        {paper ? (
          <div className="form-grid">
            <Input type="date" label={t('paper.since')} required max={todayUtc()} error={errors.paper?.since} {...register('paper.since')} />
            <Input label={t('paper.note')} error={errors.paper?.note} {...register('paper.note')} />
          </div>
        ) : null}
      </section>

      <section className="form-section" aria-labelledby="register-spontaneous">
        <h2 className="form-section__title" id="register-spontaneous">
          {t('spontaneous.title')}
        </h2>
        <Checkbox label={t('spontaneous.enable')} description={t('spontaneous.help')} {...register('spontaneous.enabled')} />
        {spontaneous ? (
          <div className="stack">
            <div className="form-grid">
              <Select label={t('spontaneous.kind')} required error={errors.spontaneous?.kind} {...register('spontaneous.kind')}>
                <option value="">{t('spontaneous.kindChoose')}</option>
                {spontaneousKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`spontaneous.kinds.${kind}`)}
                  </option>
                ))}
              </Select>
              {spontaneousKind === 'other' ? (
                <Input label={t('spontaneous.kindOther')} required error={errors.spontaneous?.kindOther} {...register('spontaneous.kindOther')} />
              ) : null}
              <Input
                type="date"
                label={t('spontaneous.reunifiedOn')}
                required
                max={todayUtc()}
                error={errors.spontaneous?.reunifiedOn}
                {...register('spontaneous.reunifiedOn')}
              />
              <Input label={t('spontaneous.caregivers')} description={t('spontaneous.caregiversHelp')} error={errors.spontaneous?.caregiverNames} {...register('spontaneous.caregiverNames')} />
            </div>
            <TextArea label={t('spontaneous.notes')} rows={3} error={errors.spontaneous?.notes} {...register('spontaneous.notes')} />
            {priority === 'normal' ? <p className="note">{t('spontaneous.priorityNote')}</p> : null}
          </div>
        ) : null}
      </section>
    </>
  );
}
