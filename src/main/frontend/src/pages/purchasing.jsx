// Purchasing: purchase orders, receipts, transfers.
import { Page } from '../ui.jsx';

export function PurchaseOrders() { return <Page title="Purchasing"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/purchasing', component: PurchaseOrders }];
export const nav = [{ href: '#/purchasing', label: 'Purchasing', roles: ['purchasing', 'warehouse', 'warehouse-supervisor'] }];
