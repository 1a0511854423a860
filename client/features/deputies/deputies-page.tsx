/** /deputies: pick a deputy's name to open their view. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NameList } from '../../components/name-list';
import { LoadError, Loading } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../components/views.css';

export function DeputiesPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const deputies = useQuery(trpc.deputies.list.queryOptions());
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('deputies.title')}</h1>
        <p className="muted">{t('deputies.subtitle')}</p>
      </header>
      {deputies.isPending ? (
        <Loading />
      ) : deputies.isError ? (
        <LoadError error={deputies.error} onRetry={() => void deputies.refetch()} />
      ) : deputies.data.length === 0 ? (
        <p className="empty-state">{t('deputies.listEmpty')}</p>
      ) : (
        <NameList
          testId="deputy-list"
          basePath="/deputies"
          items={deputies.data.map((d) => ({
            name: d.name,
            note: `${t('deputies.suggestions')} ${formatNumber(d.suggestions, i18n.language)}`,
          }))}
        />
      )}
    </section>
  );
}
