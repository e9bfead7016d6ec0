// The start page: what the signed-in user can do here, by role; visitors go shopping or track a parcel.
import { hasRole, Page, useMe } from '../ui.jsx';
import { signInUrl } from '../api.js';

const CARDS = [
  { href: '#/shop', title: 'Shop', text: 'Browse the catalogue, check sizes and stock, and order.', visitor: true, roles: ['customer'] },
  { href: '#/orders', title: 'My orders', text: 'Follow your orders: timeline, parcels, invoices, returns.', roles: ['customer', 'customer-service'] },
  { href: '#/track', title: 'Track a parcel', text: 'Where is my parcel? Enter its tracking number.', visitor: true, roles: ['customer'] },
  { href: '#/inbox', title: 'Task inbox', text: 'Your team\u2019s open tasks: claim one, fill in its form, complete it.',
    roles: ['customer-service', 'warehouse', 'warehouse-supervisor', 'finance', 'purchasing', 'marketing-manager'] },
  { href: '#/ops', title: 'Processes', text: 'Live instances and incidents on each process diagram; retry stuck work.', roles: ['ops'] },
  { href: '#/kpis', title: 'KPIs', text: 'Fulfilment figures: lead time, on-time, fill rate, revenue by channel.', roles: ['ops', 'analyst', 'finance'] },
  { href: '#/campaigns', title: 'Campaigns', text: 'Offers to customer segments: define, approve, follow.', roles: ['marketing', 'analyst'] },
  { href: '#/purchasing', title: 'Purchasing', text: 'Purchase orders, supplier answers, receipts and transfers.', roles: ['purchasing', 'warehouse', 'warehouse-supervisor'] },
  { href: '#/returns', title: 'Returns', text: 'Open returns with their steps; report a return parcel at the dock.', roles: ['customer-service', 'warehouse', 'warehouse-supervisor'] },
  { href: '#/finance', title: 'Finance', text: 'Unmatched bank lines, store credit, an order\u2019s money and invoices.', roles: ['finance', 'ops'] },
  { href: '#/models', title: 'Models', text: 'Process versions side by side and what was published.', roles: ['analyst', 'ops'] },
  { href: '#/mail', title: 'Mail outbox', text: 'The e-mails the embedded runtime caught.', roles: ['ops'] },
];

export function Home() {
  const me = useMe();
  const cards = CARDS.filter((c) => (me ? c.roles && hasRole(me, ...c.roles) : c.visitor));
  return (
    <Page title={me ? `Welcome, ${me.displayName || me.username}` : 'Welcome to OrderFlow'}>
      {!me && <p>Shop without an account; <a href={signInUrl('/')}>sign in</a> to order, follow your orders or work on tasks.</p>}
      <ul class="cards">
        {cards.map((c) => (
          <li key={c.href} class="card"><a href={c.href}><h2>{c.title}</h2><p>{c.text}</p></a></li>
        ))}
      </ul>
    </Page>
  );
}

export const routes = [{ path: '/', component: Home }];
export const nav = [];
