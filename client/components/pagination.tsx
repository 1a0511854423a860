import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

/** Previous / next links of a paged list (the commitments, the letters); nothing on a list of one page. */
export function Pagination({
  data,
  pageHref,
}: {
  data: { page: number; pageCount: number };
  pageHref: (n: number) => string;
}) {
  const { t } = useTranslation();
  if (data.pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('list.pages')}>
      {data.page > 1 ? (
        <Link to={pageHref(data.page - 1)} rel="prev" className="button button-secondary button-small">
          ← {t('list.previous')}
        </Link>
      ) : (
        <span className="button button-secondary button-small" aria-disabled="true">
          ← {t('list.previous')}
        </span>
      )}
      <span className="pagination-status">
        {t('list.pageOf', { page: data.page, count: data.pageCount })}
      </span>
      {data.page < data.pageCount ? (
        <Link to={pageHref(data.page + 1)} rel="next" className="button button-secondary button-small">
          {t('list.next')} →
        </Link>
      ) : (
        <span className="button button-secondary button-small" aria-disabled="true">
          {t('list.next')} →
        </span>
      )}
    </nav>
  );
}

/** The link to page n of the list in the address bar, its other parameters kept (page 1 has none). */
export function usePageHref(): (n: number) => string {
  const [params] = useSearchParams();
  return (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return `?${next.toString()}`;
  };
}
