// The page frame: header with the navigation the signed-in user's roles need, the routed page, the footer.
// Each page module exports `routes` ([{path, component}]) and `nav` ([{href, label, roles?, visitor?}]): a feature's
// pages live in its own module and register themselves here.
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { match, usePath } from './router.js';
import { hasRole, MeContext, Page } from './ui.jsx';
import * as home from './pages/home.jsx';
import * as shop from './pages/shop.jsx';
import * as orders from './pages/orders.jsx';
import * as inbox from './pages/inbox.jsx';
import * as pick from './pages/pick.jsx';
import * as ops from './pages/ops.jsx';
import * as kpis from './pages/kpis.jsx';
import * as mail from './pages/mail.jsx';
import * as campaigns from './pages/campaigns.jsx';
import * as purchasing from './pages/purchasing.jsx';
import * as desk from './pages/desk.jsx';
import * as finance from './pages/finance.jsx';
import * as models from './pages/models.jsx';

const modules = [home, shop, orders, inbox, pick, ops, kpis, mail, campaigns, purchasing, desk, finance, models];
const routes = modules.flatMap((m) => m.routes || []);
const navItems = modules.flatMap((m) => m.nav || []);

function visible(item, me) {
  if (item.visitor && !me) return true;
  if (item.roles) return hasRole(me, ...item.roles);
  return !item.visitor;
}

function SignOut() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  // a real form post: with Keycloak the sign-out continues to Keycloak's end-session endpoint
  return (
    <form method="post" action="/logout" class="sign-out">
      {token && token !== '__CSRF_TOKEN__' && <input type="hidden" name="_csrf" value={token} />}
      <button type="submit" class="link">Sign out</button>
    </form>
  );
}

function Header({ me, path }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const items = navItems.filter((i) => visible(i, me));
  return (
    <header class="top">
      <a class="brand" href="#/">OrderFlow</a>
      <button type="button" class="menu-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls="main-nav"
        onClick={() => setOpen(!open)}>Menu</button>
      <nav id="main-nav" aria-label="Main" class={open ? 'open' : ''}>
        <ul>
          {items.map((i) => {
            const current = path === i.href.slice(1) || (i.href !== '#/' && path.startsWith(i.href.slice(1) + '/'));
            return <li key={i.href}><a href={i.href} aria-current={current ? 'page' : undefined}>{i.label}</a></li>;
          })}
        </ul>
        <div class="user">
          {me ? (
            <>
              <span class="who" title={me.roles.join(', ')} data-testid="signed-in-user">
                {me.displayName || me.username}
                {me.warehouses?.length > 0 && <span class="muted"> · {me.warehouses.join(', ')}</span>}
              </span>
              <SignOut />
            </>
          ) : (
            <a class="button small" href={'/signin?to=' + encodeURIComponent(path)}>Sign in</a>
          )}
        </div>
      </nav>
    </header>
  );
}

function NotFound() {
  return <Page title="Page not found"><p>There is no page here. <a href="#/">Go to the start page</a>.</p></Page>;
}

export function App() {
  const path = usePath();
  const [meState, setMeState] = useState({ me: null, loaded: false });
  useEffect(() => {
    get('/api/me').then((me) => setMeState({ me, loaded: true }), () => setMeState({ me: null, loaded: true }));
  }, []);
  if (!meState.loaded) return <p class="loading" role="status"><span class="spinner" aria-hidden="true" />Loading…</p>;
  let view = <NotFound />;
  for (const r of routes) {
    const params = match(r.path, path);
    if (params) {
      const C = r.component;
      view = <C {...params} />;
      break;
    }
  }
  return (
    <MeContext.Provider value={meState}>
      <Header me={meState.me} path={path} />
      <main id="main" tabIndex={-1}>{view}</main>
      <footer class="bottom">
        <span>OrderFlow order fulfilment on Camunda 8</span>
        <a href="/swagger-ui.html">REST API</a>
      </footer>
    </MeContext.Provider>
  );
}
