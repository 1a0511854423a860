/** The office splits a city-wide target across the districts; the parts must add up to the total. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export function TargetSplit({
  commitmentId,
  total,
  districts,
  isSplit,
}: {
  commitmentId: number;
  total: number;
  districts: readonly { id: number; name: string }[];
  isSplit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [parts, setParts] = useState<Record<number, string>>({});
  const split = useMutation(trpc.targets.split.mutationOptions());
  const merge = useMutation(trpc.targets.mergeToCity.mutationOptions());
  const sum = Object.values(parts).reduce((s, v) => s + (Number(v) || 0), 0);
  const failure = split.error ?? merge.error;
  return (
    <details className="card action-card">
      <summary>{t('split.title')}</summary>
      <p className="muted small">{t('split.hint', { total: formatNumber(total, i18n.language) })}</p>
      <form
        className="editor"
        onSubmit={(e) => {
          e.preventDefault();
          split.mutate({
            commitmentId,
            parts: districts
              .filter((d) => Number(parts[d.id]) > 0)
              .map((d) => ({ districtId: d.id, min: Number(parts[d.id]), max: null })),
          });
        }}
      >
        <div className="form-grid">
          {districts.map((d) => (
            <label key={d.id} className="field">
              <span>{d.name}</span>
              <input
                type="number"
                min={0}
                step="any"
                value={parts[d.id] ?? ''}
                onChange={(e) => setParts({ ...parts, [d.id]: e.target.value })}
              />
            </label>
          ))}
        </div>
        <div className="form-actions">
          <span className={sum === total ? 'form-success' : 'muted'}>
            Σ {formatNumber(sum, i18n.language)} / {formatNumber(total, i18n.language)}
          </span>
          <button type="submit" className="button" disabled={split.isPending || sum !== total}>
            {t('split.submit')}
          </button>
          {isSplit && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => merge.mutate({ id: commitmentId })}
            >
              {t('split.merge')}
            </button>
          )}
          {failure && <p className="form-error">{errorMessage(failure, t('errors.generic'))}</p>}
        </div>
      </form>
    </details>
  );
}
