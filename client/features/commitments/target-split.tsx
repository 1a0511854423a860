/**
 * The office splits a city-wide target across the districts. A split may be partial: what the
 * districts leave stays one city-wide target of the same commitment, shown as such.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exactAmount } from '../../../shared/commitments';
import { WriteError } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export function TargetSplit({
  commitmentId,
  version,
  total,
  districts,
  current,
}: {
  commitmentId: number;
  /** the commitment's version the page read: a split or merge from an older one is refused */
  version: number;
  total: number;
  districts: readonly { id: number; name: string }[];
  /** the commitment's target rows as stored: district rows prefill the form */
  current: readonly { districtId: number | null; min: number | null }[];
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const isSplit = current.some((row) => row.districtId !== null);
  const [parts, setParts] = useState<Record<number, string>>(() =>
    Object.fromEntries(
      current.flatMap((row) => (row.districtId === null ? [] : [[row.districtId, String(row.min ?? '')]])),
    ),
  );
  const split = useMutation(trpc.targets.split.mutationOptions());
  const merge = useMutation(trpc.targets.mergeToCity.mutationOptions());
  const sum = exactAmount(Object.values(parts).reduce((s, v) => s + (Number(v) || 0), 0));
  const rest = exactAmount(total - sum);
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
            version,
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
          <span className={rest < 0 ? 'form-error' : sum === total ? 'form-success' : 'muted'}>
            Σ {formatNumber(sum, i18n.language)} / {formatNumber(total, i18n.language)}
            {rest > 0 && sum > 0 && ` · ${t('split.rest', { rest: formatNumber(rest, i18n.language) })}`}
            {rest < 0 && ` · ${t('split.over', { over: formatNumber(-rest, i18n.language) })}`}
          </span>
          <button type="submit" className="button" disabled={split.isPending || sum <= 0 || rest < 0}>
            {t('split.submit')}
          </button>
          {isSplit && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => merge.mutate({ id: commitmentId, version })}
            >
              {t('split.merge')}
            </button>
          )}
          {failure && <WriteError error={failure} />}
        </div>
      </form>
    </details>
  );
}
