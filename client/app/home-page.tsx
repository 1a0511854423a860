/**
 * / — a signed-in user's own start page (我的工作台); anonymous readers, with public read, the city
 * overview as before. Both pages load lazily, so an anonymous visitor never downloads the start
 * page and a clerk's first screen does not wait for the charts.
 */
import { lazy, Suspense } from 'react';
import { Loading } from '../components/query-state';
import { useCurrentUser } from '../lib/use-current-user';

const StartPage = lazy(async () => ({ default: (await import('../features/start/start-page')).StartPage }));
const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboard/dashboard-page')).DashboardPage,
}));

export function HomePage() {
  const { user, isPending } = useCurrentUser();
  if (isPending) return <Loading />;
  return <Suspense fallback={<Loading />}>{user ? <StartPage /> : <DashboardPage />}</Suspense>;
}
