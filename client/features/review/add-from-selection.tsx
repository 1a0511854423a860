/** Adds a commitment or milestone the extractor missed, from text the reviewer selected. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PER_SCOPES, type PerScope } from '../../../shared/extraction';
import { errorMessage } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

/** The first number in the selection is the likeliest target; the reviewer can change it. */
function firstNumber(quote: string): string {
  return quote.match(/\d+(?:\.\d+)?/)?.[0] ?? '';
}

export function AddFromSelection({
  letterId,
  selection,
  quote,
  onDone,
}: {
  letterId: number;
  selection: { start: number; end: number };
  quote: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [min, setMin] = useState(firstNumber(quote));
  const [max, setMax] = useState('');
  const [unit, setUnit] = useState('个');
  const [object, setObject] = useState('');
  const [per, setPer] = useState('');
  const [deadlineYear, setDeadlineYear] = useState('');
  const onSuccess = async () => {
    await queryClient.invalidateQueries();
    onDone();
  };
  const addCommitment = useMutation(trpc.review.addCommitment.mutationOptions({ onSuccess }));
  const addMilestone = useMutation(trpc.review.addMilestone.mutationOptions({ onSuccess }));
  const year = deadlineYear.trim() ? Number(deadlineYear) : null;
  const failure = addCommitment.error ?? addMilestone.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    addCommitment.mutate({
      letterId,
      ...selection,
      min: Number(min),
      max: max.trim() ? Number(max) : null,
      unit,
      object,
      per: (per || null) as PerScope | null,
      deadlineYear: year,
      section: null,
    });
  };

  return (
    <form className="card editor" onSubmit={submit}>
      <h2>{t('review.addFromSelection')}</h2>
      <p className="small">
        {t('review.selected')} <q>{quote}</q>
      </p>
      <div className="form-grid">
        <label className="field">
          <span>{t('review.fields.min')}</span>
          <input
            type="number"
            min={0}
            step="any"
            required
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('review.fields.max')}</span>
          <input type="number" min={0} step="any" value={max} onChange={(e) => setMax(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('review.fields.unit')}</span>
          <input required maxLength={20} value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('review.fields.object')}</span>
          <input required maxLength={200} value={object} onChange={(e) => setObject(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('review.fields.per')}</span>
          <select value={per} onChange={(e) => setPer(e.target.value)}>
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
            value={deadlineYear}
            onChange={(e) => setDeadlineYear(e.target.value)}
          />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={addCommitment.isPending}>
          {t('review.addFromSelection')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={addMilestone.isPending}
          onClick={() => addMilestone.mutate({ letterId, ...selection, deadlineYear: year, section: null })}
        >
          {t('review.addMilestone')}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure, t('errors.generic'))}
        </p>
      )}
    </form>
  );
}
