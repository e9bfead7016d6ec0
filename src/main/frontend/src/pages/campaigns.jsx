// Marketing: create campaigns and follow them.
import { Page } from '../ui.jsx';

export function Campaigns() { return <Page title="Campaigns"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/campaigns', component: Campaigns }];
export const nav = [{ href: '#/campaigns', label: 'Campaigns', roles: ['marketing', 'analyst'] }];
