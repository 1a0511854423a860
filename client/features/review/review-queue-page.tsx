import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queue = useQuery(trpc.review.queue.queryOptions());
  return (
    <section className="page">
      <header className="page-header">
        <h1>
          {t('review.title')}
          {queue.data && <span className="count-pill">{queue.data.waiting}</span>}
        </h1>
        <p className="muted">{t('review.subtitle')}</p>
      </header>
      <section className="card">
        {queue.isPending ? (
          <Loading />
        ) : queue.isError ? (
          <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.data.letters.length === 0 ? (
          <p className="empty-state">{t('review.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('letters.columns.agency')}</th>
                <th>{t('letters.columns.date')}</th>
                <th className="num">{t('review.items')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {queue.data.letters.map((letter) => (
                <tr key={letter.letterId}>
                  <td>{letter.agency ?? t('common.none')}</td>
                  <td>{formatDate(letter.letterDate, i18n.language)}</td>
                  <td className="num">{t('review.waiting', { count: letter.waiting })}</td>
                  <td>
                    <Link className="button button-small" to={`/review/letters/${letter.letterId}`}>
                      {t('review.openLetter')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
