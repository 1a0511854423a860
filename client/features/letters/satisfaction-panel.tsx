/** The deputy's verdict on a reply (满意 / 基本满意 / 不满意), with its history. */
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SATISFACTION_LEVELS } from '../../../shared/schemas/supervision';
import { errorMessage } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../../lib/use-current-user';

type Level = (typeof SATISFACTION_LEVELS)[number];

export function SatisfactionPanel({ letterId }: { letterId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const rating = useQuery(trpc.suggestions.satisfaction.queryOptions({ letterId }));
  // a deputy rates only replies to their own suggestions (checked again by the server)
  const actions = useQuery(trpc.start.letterActions.queryOptions(user ? { id: letterId } : skipToken));
  const [level, setLevel] = useState<Level>('satisfied');
  const [comment, setComment] = useState('');
  const rate = useMutation(trpc.suggestions.rate.mutationOptions());
  const current = rating.data?.current;
  return (
    <section className="card" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{t('satisfaction.title')}</h2>
      {current ? (
        <p>
          <span className={`badge satisfaction-${current.level}`}>
            {t(`satisfaction.levels.${current.level}`)}
          </span>{' '}
          {current.comment && <span>{current.comment}</span>}
          <span className="muted small">
            {' '}
            {t('satisfaction.by', {
              name: current.recordedBy ?? '',
              date: formatDate(current.createdAt, i18n.language),
            })}
          </span>
        </p>
      ) : (
        <p className="muted">{t('satisfaction.none')}</p>
      )}
      {hasRole(user, ['deputy', 'office']) && actions.data?.mayRate === true && (
        <form
          className="editor"
          onSubmit={(e) => {
            e.preventDefault();
            rate.mutate({ letterId, level, comment: comment || undefined });
          }}
        >
          <fieldset className="radio-row">
            {SATISFACTION_LEVELS.map((l) => (
              <label key={l}>
                <input
                  type="radio"
                  name="level"
                  value={l}
                  checked={level === l}
                  onChange={() => setLevel(l)}
                />{' '}
                {t(`satisfaction.levels.${l}`)}
              </label>
            ))}
          </fieldset>
          <input
            aria-label={t('satisfaction.comment')}
            placeholder={t('satisfaction.comment')}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button button-small" disabled={rate.isPending}>
              {t('satisfaction.submit')}
            </button>
            {rate.error && <p className="form-error">{errorMessage(rate.error, t('errors.generic'))}</p>}
          </div>
        </form>
      )}
      {rating.data && rating.data.history.length > 1 && (
        <details>
          <summary className="small">{t('satisfaction.history')}</summary>
          <ul className="small">
            {rating.data.history.map((h) => (
              <li key={h.id}>
                {t(`satisfaction.levels.${h.level}`)} — {h.recordedBy} ·{' '}
                {formatDate(h.createdAt, i18n.language)}
                {h.comment ? `:${h.comment}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
