/** Demo progress (演示数据) must be marked wherever progress is shown: a notice while any is shown. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../lib/trpc';
import { DemoBadge } from './query-state';

export function DemoProgressNotice() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.dashboard.overview.queryOptions());
  const demo = overview.data?.demoProgressUpdates ?? 0;
  if (demo === 0) return null;
  return (
    <p className="notice notice-demo" role="note">
      <DemoBadge />
      {t('views.demoNotice', { count: demo })}
    </p>
  );
}
