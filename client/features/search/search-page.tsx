/** /search?q=…: letters and commitments containing the term, grouped, the term marked. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SEARCH_MAX_LENGTH } from '../../../shared/schemas/search';
import { LoadError, Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatTarget } from '../../lib/format';
import { readSearchTerm } from '../../lib/search-params';
import { useTRPC } from '../../lib/trpc';
import { Excerpt } from './excerpt';
import '../../components/views.css';

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = readSearchTerm(params);
  const [draft, setDraft] = useState(q);
  // Back/forward and links change the URL without this form: follow them.
  useEffect(() => setDraft(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = draft.trim();
    setParams(term ? { q: term } : {});
  };

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
        <p className="muted">{t('search.subtitle')}</p>
      </header>
      <form className="search-form" onSubmit={submit}>
        <label htmlFor="search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="search-q"
          type="search"
          value={draft}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('search.placeholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </form>
      {q ? <SearchResults q={q} /> : <p className="empty-state">{t('search.prompt')}</p>}
    </section>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const result = useQuery(trpc.search.query.queryOptions({ q }));
  if (result.isPending) return <Loading />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  const { letters, commitments } = result.data;
  return (
    <div className="search-results">
      <section className="card" aria-labelledby="search-letters">
        <h2 id="search-letters">{t('search.letters', { count: letters.items.length })}</h2>
        {letters.items.length === 0 ? (
          <p className="empty-state">{t('search.noLetters', { q })}</p>
        ) : (
          <ol className="hit-list">
            {letters.items.map((letter) => (
              <li key={letter.id} className="hit">
                <Link to={`/letters/${letter.id}`} className="hit-title">
                  {letter.titleExcerpt ? (
                    <Excerpt excerpt={letter.titleExcerpt} />
                  ) : (
                    (letter.title ?? t('letters.untitled'))
                  )}
                </Link>
                <div className="hit-meta">
                  {letter.agency && (
                    <Link to={`/agencies/${encodeURIComponent(letter.agency)}`}>{letter.agency}</Link>
                  )}
                  {letter.letterDate && <span>{formatDate(letter.letterDate, i18n.language)}</span>}
                  {letter.deputy && <span>{letter.deputy}</span>}
                </div>
                {letter.textExcerpt && (
                  <p className="hit-excerpt">
                    <Excerpt excerpt={letter.textExcerpt} />
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {letters.more && <p className="muted small">{t('search.more', { count: letters.items.length })}</p>}
      </section>
      <section className="card" aria-labelledby="search-commitments">
        <h2 id="search-commitments">{t('search.commitments', { count: commitments.items.length })}</h2>
        {commitments.items.length === 0 ? (
          <p className="empty-state">{t('search.noCommitments', { q })}</p>
        ) : (
          <ol className="hit-list">
            {commitments.items.map((c) => (
              <li key={c.id} className="hit">
                <div className="hit-head">
                  <Link
                    to={c.kind === 'milestone' ? `/letters/${c.letterId}` : `/commitments/${c.id}`}
                    className="hit-title"
                  >
                    {c.kind === 'milestone' ? (
                      t('search.milestone')
                    ) : (
                      <>
                        {formatTarget(c.min, c.max, i18n.language)} {c.unit}{' '}
                        {c.objectExcerpt ? <Excerpt excerpt={c.objectExcerpt} /> : c.object}
                      </>
                    )}
                  </Link>
                  <StatusBadge status={c.status} />
                </div>
                <div className="hit-meta">
                  {c.agency && <Link to={`/agencies/${encodeURIComponent(c.agency)}`}>{c.agency}</Link>}
                  {c.deadlineYear && <span>{t('letter.deadlineYear', { year: c.deadlineYear })}</span>}
                  <Link to={`/letters/${c.letterId}`}>{c.letterTitle ?? t('letters.untitled')}</Link>
                </div>
                {c.quoteExcerpt && (
                  <p className="hit-excerpt">
                    <Excerpt excerpt={c.quoteExcerpt} />
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {commitments.more && (
          <p className="muted small">{t('search.more', { count: commitments.items.length })}</p>
        )}
      </section>
    </div>
  );
}
