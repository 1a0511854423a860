/** The suggestion a reply answers: its deputies and its lead and co-handling agencies (主办/协办). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../../lib/use-current-user';

export function SuggestionPanel({ suggestionId }: { suggestionId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const suggestion = useQuery(trpc.suggestions.byId.queryOptions({ id: suggestionId }));
  const [agencyName, setAgencyName] = useState('');
  const [deputyName, setDeputyName] = useState('');
  const addHandler = useMutation(trpc.suggestions.addHandler.mutationOptions());
  const addDeputy = useMutation(trpc.suggestions.addDeputy.mutationOptions());
  const s = suggestion.data;
  if (!s) return null;
  const failure = addHandler.error ?? addDeputy.error;
  return (
    <section className="card" aria-labelledby="suggestion-title">
      <h2 id="suggestion-title">{t('suggestion.title')}</h2>
      <dl className="meta-grid">
        <div>
          <dt>{t('suggestion.deputies')}</dt>
          <dd>{s.deputies.map((d) => d.name).join('、') || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('suggestion.lead')}</dt>
          <dd>
            {s.agencies
              .filter((a) => a.role === 'lead')
              .map((a) => a.name)
              .join('、') || t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('suggestion.co')}</dt>
          <dd>
            {s.agencies
              .filter((a) => a.role === 'co')
              .map((a) => a.name)
              .join('、') || t('common.none')}
          </dd>
        </div>
      </dl>
      {hasRole(user, ['office']) && (
        <div className="editor">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addHandler.mutate({ suggestionId, agencyName, role: 'co' });
            }}
          >
            <input
              aria-label={t('suggestion.addCo')}
              placeholder={t('suggestion.agencyName')}
              required
              value={agencyName}
              onChange={(e) => setAgencyName(e.target.value)}
            />
            <button type="submit" className="button button-small button-secondary">
              {t('suggestion.addCo')}
            </button>
          </form>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addDeputy.mutate({ suggestionId, deputyName });
            }}
          >
            <input
              aria-label={t('suggestion.addDeputy')}
              placeholder={t('suggestion.deputyName')}
              required
              value={deputyName}
              onChange={(e) => setDeputyName(e.target.value)}
            />
            <button type="submit" className="button button-small button-secondary">
              {t('suggestion.addDeputy')}
            </button>
          </form>
          {failure && <p className="form-error">{errorMessage(failure, t('errors.generic'))}</p>}
        </div>
      )}
    </section>
  );
}
