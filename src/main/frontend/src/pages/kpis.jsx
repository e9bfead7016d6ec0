// Fulfilment KPI charts (GET /api/analytics/kpis).
import { Page } from '../ui.jsx';

export function Kpis() { return <Page title="KPIs"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/kpis', component: Kpis }];
export const nav = [{ href: '#/kpis', label: 'KPIs', roles: ['ops', 'analyst', 'finance'] }];
