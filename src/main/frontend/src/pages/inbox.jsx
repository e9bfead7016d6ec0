// Staff inbox: tasks of the user's roles and warehouses, filters, claim, the task's Camunda form (form-js viewer).
import { Page } from '../ui.jsx';

export function Inbox() { return <Page title="Inbox"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/inbox', component: Inbox }];
export const nav = [{ href: '#/inbox', label: 'Inbox', roles: ['customer-service', 'warehouse', 'warehouse-supervisor', 'finance', 'purchasing', 'marketing-manager'] }];
