// Storefront: catalogue with sizes and stock, cart, checkout with delivery slot, quote confirmation, payment,
// acknowledgement; the customer's campaign offers.
import './shop/shop.css';
import { Catalogue } from './shop/catalogue.jsx';
import { CartPage } from './shop/cart.jsx';
import { CheckoutPage } from './shop/checkout.jsx';
import { OrderPlaced } from './shop/placed.jsx';
import { OffersPage } from './shop/offers.jsx';

export { Catalogue };

export const routes = [
  { path: '/shop', component: Catalogue },
  { path: '/cart', component: CartPage },
  { path: '/checkout', component: CheckoutPage },
  { path: '/checkout/:orderId', component: OrderPlaced },
  { path: '/offers', component: OffersPage },
];

export const nav = [
  { href: '#/shop', label: 'Shop', visitor: true, roles: ['customer'] },
  { href: '#/cart', label: 'Cart', roles: ['customer'] },
  { href: '#/offers', label: 'Offers', roles: ['customer'] },
];
