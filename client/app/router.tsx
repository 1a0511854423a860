/**
 * Client routes. Pages load lazily so the charts stay out of the first bundle; the server falls
 * back to index.html, so every route can be bookmarked.
 */
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./home-page')).HomePage }),
      },
      {
        path: 'overview',
        lazy: async () => ({
          Component: (await import('../features/dashboard/dashboard-page')).DashboardPage,
        }),
      },
      {
        path: 'letters',
        lazy: async () => ({ Component: (await import('../features/letters/letters-page')).LettersPage }),
      },
      {
        path: 'letters/:id',
        lazy: async () => ({ Component: (await import('../features/letters/letter-page')).LetterPage }),
      },
      {
        path: 'commitments',
        lazy: async () => ({
          Component: (await import('../features/commitments/commitments-page')).CommitmentsPage,
        }),
      },
      {
        path: 'commitments/:id',
        lazy: async () => ({
          Component: (await import('../features/commitments/commitment-page')).CommitmentPage,
        }),
      },
      {
        path: 'users',
        lazy: async () => ({ Component: (await import('../features/users/users-page')).UsersPage }),
      },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('../features/auth/account-page')).AccountPage }),
      },
      {
        path: 'review',
        lazy: async () => ({
          Component: (await import('../features/review/review-queue-page')).ReviewQueuePage,
        }),
      },
      {
        path: 'review/letters/:id',
        lazy: async () => ({
          Component: (await import('../features/review/review-letter-page')).ReviewLetterPage,
        }),
      },
      {
        path: 'progress-sheets',
        lazy: async () => ({
          Component: (await import('../features/progress-sheets/progress-sheets-page')).ProgressSheetsPage,
        }),
      },
      {
        path: 'gazetteer',
        lazy: async () => ({
          Component: (await import('../features/gazetteer/gazetteer-page')).GazetteerPage,
        }),
      },
      {
        path: 'search',
        lazy: async () => ({ Component: (await import('../features/search/search-page')).SearchPage }),
      },
      {
        path: 'districts',
        lazy: async () => ({
          Component: (await import('../features/districts/districts-page')).DistrictsPage,
        }),
      },
      {
        path: 'districts/:name',
        lazy: async () => ({ Component: (await import('../features/districts/district-page')).DistrictPage }),
      },
      {
        path: 'deputies',
        lazy: async () => ({ Component: (await import('../features/deputies/deputies-page')).DeputiesPage }),
      },
      {
        path: 'deputies/:name',
        lazy: async () => ({ Component: (await import('../features/deputies/deputy-page')).DeputyPage }),
      },
      {
        path: 'agencies',
        lazy: async () => ({ Component: (await import('../features/agencies/agencies-page')).AgenciesPage }),
      },
      {
        path: 'agencies/:name',
        lazy: async () => ({ Component: (await import('../features/agencies/agency-page')).AgencyPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({
          Component: (await import('../features/reports/annual-report-page')).LatestReportRedirect,
        }),
      },
      {
        path: 'reports/:year',
        lazy: async () => ({
          Component: (await import('../features/reports/annual-report-page')).AnnualReportPage,
        }),
      },
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/sign-in-page')).SignInPage }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
