// The embedded runtime's mail outbox (GET /api/dev/mailbox).
import { Page } from '../ui.jsx';

export function Mailbox() { return <Page title="Mail outbox"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/mail', component: Mailbox }];
export const nav = [{ href: '#/mail', label: 'Mail', roles: ['ops'] }];
