// Where is my order: order list, order timeline, shipments, documents, cancel and return; public parcel tracking.
import { Page } from '../ui.jsx';

export function MyOrders() { return <Page title="My orders"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/orders', component: MyOrders }];
export const nav = [{ href: '#/orders', label: 'Orders', roles: ['customer', 'customer-service'] }];
