// Where is my order: order list, order timeline, shipments, documents, cancel and return; public parcel tracking.
import './orders/orders.css';
import { MyOrders } from './orders/list.jsx';
import { OrderPage } from './orders/order.jsx';
import { TrackPage, TrackResultPage } from './orders/track.jsx';

export { MyOrders };

export const routes = [
  { path: '/orders', component: MyOrders },
  { path: '/orders/:orderId', component: OrderPage },
  { path: '/track', component: TrackPage },
  { path: '/track/:trackingNumber', component: TrackResultPage },
];

export const nav = [
  { href: '#/orders', label: 'Orders', roles: ['customer', 'customer-service'] },
  { href: '#/track', label: 'Track a parcel', visitor: true, roles: ['customer'] },
];
