/** /districts: the districts compared side by side. */
import { useTranslation } from 'react-i18next';
import { DemoProgressNotice } from '../../components/demo-progress-notice';
import { DistrictComparison } from './district-comparison';
import '../../components/views.css';

export function DistrictsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('districts.title')}</h1>
        <p className="muted">{t('districts.subtitle')}</p>
      </header>
      <DemoProgressNotice />
      <section className="card" aria-labelledby="compare-title">
        <h2 id="compare-title">{t('districts.chart')}</h2>
        <DistrictComparison />
      </section>
    </section>
  );
}
