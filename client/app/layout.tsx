import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { UserMenu } from '../features/auth/user-menu';
import { TopbarSearch } from '../features/search/topbar-search';
import { setLanguage } from '../lib/i18n';
import { mayCall } from '../lib/permissions';
import { useCurrentUser } from '../lib/use-current-user';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { user } = useCurrentUser();
  const nextLanguage = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            诺
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav className="nav" aria-label="main">
          {user ? (
            <>
              <NavLink to="/" end>
                {t('start.nav')}
              </NavLink>
              <NavLink to="/overview">{t('nav.dashboard')}</NavLink>
            </>
          ) : (
            <NavLink to="/" end>
              {t('nav.dashboard')}
            </NavLink>
          )}
          <NavLink to="/letters">{t('nav.letters')}</NavLink>
          <NavLink to="/commitments" end>
            {t('nav.commitments')}
          </NavLink>
          <NavLink to="/districts">{t('nav.districts')}</NavLink>
          <NavLink to="/agencies">{t('nav.agencies')}</NavLink>
          <NavLink to="/deputies">{t('nav.deputies')}</NavLink>
          <NavLink to="/reports">{t('report.nav')}</NavLink>
          {/* work pages only for the roles whose actions there the server accepts */}
          {mayCall(user, 'review.confirm') && <NavLink to="/review">{t('nav.review')}</NavLink>}
          {mayCall(user, 'progress.importSheet') && (
            <NavLink to="/progress-sheets">{t('nav.sheets')}</NavLink>
          )}
          {mayCall(user, 'gazetteer.importCsv') && <NavLink to="/gazetteer">{t('nav.gazetteer')}</NavLink>}
          {mayCall(user, 'users.list') && <NavLink to="/users">{t('nav.users')}</NavLink>}
        </nav>
        <TopbarSearch />
        <UserMenu />
        <button
          type="button"
          className="lang-switch"
          onClick={() => setLanguage(nextLanguage)}
          lang={nextLanguage}
        >
          {t('nav.switchLanguage')}
        </button>
      </header>
      {navigation.state === 'loading' && <div className="route-progress" role="progressbar" />}
      <main id="main" className="content">
        <Outlet />
      </main>
      <footer className="footer">{t('app.footer')}</footer>
    </div>
  );
}
