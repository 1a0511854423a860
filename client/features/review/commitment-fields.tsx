/**
 * The fields of a quantified commitment as a reviewer edits them (target, unit, object, scope,
 * deadline), shared by the correction form and the add-from-selection form.
 */
import { useTranslation } from 'react-i18next';
import { PER_SCOPES, type PerScope } from '../../../shared/extraction';

/** Form state: text as typed, turned into numbers by `toCommitmentFields`. */
export interface CommitmentDraft {
  min: string;
  max: string;
  unit: string;
  object: string;
  per: string;
  deadlineYear: string;
}

const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

export function toCommitmentFields(draft: CommitmentDraft) {
  return {
    min: Number(draft.min || 0),
    max: numberOrNull(draft.max),
    unit: draft.unit,
    object: draft.object,
    per: (draft.per || null) as PerScope | null,
    deadlineYear: numberOrNull(draft.deadlineYear),
  };
}

export function CommitmentFields({
  draft,
  onChange,
}: {
  draft: CommitmentDraft;
  onChange: (draft: CommitmentDraft) => void;
}) {
  const { t } = useTranslation();
  const set = (key: keyof CommitmentDraft) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [key]: e.target.value });
  return (
    <div className="form-grid">
      <label className="field">
        <span>{t('review.fields.min')}</span>
        <input type="number" min={0} step="any" required value={draft.min} onChange={set('min')} />
      </label>
      <label className="field">
        <span>{t('review.fields.max')}</span>
        <input type="number" min={0} step="any" value={draft.max} onChange={set('max')} />
      </label>
      <label className="field">
        <span>{t('review.fields.unit')}</span>
        <input required maxLength={20} value={draft.unit} onChange={set('unit')} />
      </label>
      <label className="field">
        <span>{t('review.fields.object')}</span>
        <input required maxLength={200} value={draft.object} onChange={set('object')} />
      </label>
      <label className="field">
        <span>{t('review.fields.per')}</span>
        <select value={draft.per} onChange={set('per')}>
          <option value="">{t('review.fields.perNone')}</option>
          {PER_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`per.${scope}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('review.fields.deadlineYear')}</span>
        <input
          type="number"
          min={1990}
          max={2100}
          value={draft.deadlineYear}
          onChange={set('deadlineYear')}
        />
      </label>
    </div>
  );
}
