import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <div className="empty-state">
        <h1>{t('common.notFound')}</h1>
        <Link to="/">{t('common.backHome')}</Link>
      </div>
    </section>
  );
}
