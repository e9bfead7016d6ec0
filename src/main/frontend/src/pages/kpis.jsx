// Fulfilment KPI charts (GET /api/analytics/kpis?from=&to=&warehouse=): a period and a warehouse, headline figures,
// one chart per KPI with its data table, and the same report as a CSV download (/api/analytics/kpis.csv, same filters).
// The filters live in the route's query (#/kpis?from=…&to=…&warehouse=…), so a view can be bookmarked and shared.
import { useState } from 'preact/hooks';
import { currentQuery } from '../router.js';
import { Loading, money, Page, ProblemBox, RequireRole, useApi } from '../ui.jsx';
import { hours, num, pct, WAREHOUSES, words } from './backoffice/common.jsx';
import { ChartBox, PALETTE } from './kpis/ChartBox.jsx';

const ROLES = ['ops', 'analyst', 'finance'];

const PERIODS = [
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: 'month', label: 'This month' },
  { id: 'prev-month', label: 'Last month' },
  { id: 'year', label: 'This year' },
  { id: 'custom', label: 'Custom range' },
];

const iso = (d) => d.toISOString().slice(0, 10);

/** The UTC dates of a period, both inclusive (the API's days are UTC dates). */
export function periodRange(id, today = new Date()) {
  const t = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const days = (n) => new Date(t.getTime() - (n - 1) * 86400000);
  switch (id) {
    case '7d': return { from: iso(days(7)), to: iso(t) };
    case '90d': return { from: iso(days(90)), to: iso(t) };
    case 'month': return { from: iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1))), to: iso(t) };
    case 'prev-month': return {
      from: iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 1, 1))),
      to: iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 0))),
    };
    case 'year': return { from: iso(new Date(Date.UTC(t.getUTCFullYear(), 0, 1))), to: iso(t) };
    default: return { from: iso(days(30)), to: iso(t) };
  }
}

function initialFilters() {
  const q = currentQuery();
  const warehouse = q.get('warehouse') || '';
  if (q.get('from') || q.get('to')) return { period: 'custom', from: q.get('from') || '', to: q.get('to') || '', warehouse };
  const period = PERIODS.some((p) => p.id === q.get('period')) ? q.get('period') : '30d';
  return { period, ...periodRange(period), warehouse };
}

/** The API's query of the filters; a period other than custom is recomputed (today moves on). */
function query(f) {
  const range = f.period === 'custom' ? { from: f.from, to: f.to } : periodRange(f.period);
  return { ...range, warehouse: f.warehouse || undefined };
}

function queryString(q) {
  const p = new URLSearchParams();
  Object.entries(q).forEach(([k, v]) => { if (v) p.append(k, v); });
  return p.toString();
}

const STAGES = {
  PLACED_TO_PAID: 'Placed → paid',
  PAID_TO_PICKED: 'Paid → picked',
  PICKED_TO_SHIPPED: 'Picked → shipped',
  SHIPPED_TO_DELIVERED: 'Shipped → delivered',
  PLACED_TO_DELIVERED: 'Placed → delivered (total)',
};

function Filters({ filters, onApply }) {
  const [f, setF] = useState(filters);
  const change = (patch, apply) => {
    const next = { ...f, ...patch };
    if (patch.period && patch.period !== 'custom') Object.assign(next, periodRange(patch.period));
    setF(next);
    if (apply) onApply(next);
  };
  return (
    <form class="bo-toolbar" aria-label="KPI filters" onSubmit={(e) => { e.preventDefault(); onApply(f); }}>
      <div class="field">
        <label for="kpi-period">Period</label>
        <select id="kpi-period" value={f.period} onChange={(e) => change({ period: e.currentTarget.value }, e.currentTarget.value !== 'custom')}>
          {PERIODS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="kpi-from">From (UTC date)</label>
        <input id="kpi-from" type="date" value={f.from} required
          onInput={(e) => change({ period: 'custom', from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="kpi-to">To (inclusive)</label>
        <input id="kpi-to" type="date" value={f.to} required
          onInput={(e) => change({ period: 'custom', to: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="kpi-warehouse">Warehouse</label>
        <select id="kpi-warehouse" value={f.warehouse} onChange={(e) => change({ warehouse: e.currentTarget.value }, true)}>
          <option value="">All warehouses</option>
          {WAREHOUSES.map((w) => <option key={w.id} value={w.id}>{w.label}</option>)}
        </select>
      </div>
      <div class="actions">
        <button type="submit">Show</button>
      </div>
    </form>
  );
}

function Tiles({ r }) {
  const total = r.cycleTimes.find((c) => c.stage === 'PLACED_TO_DELIVERED');
  const tiles = [
    ['Orders placed', num(r.ordersPlaced)],
    ['On time', pct(r.onTime.rate), `${num(r.onTime.onTime)} of ${num(r.onTime.onTime + r.onTime.late)} with a promise`],
    ['Fill rate', pct(r.fillRate.rate), `${num(r.fillRate.filledLines)} of ${num(r.fillRate.lines)} lines complete at once`],
    ['Return rate', pct(r.returns.rate), `${num(r.returns.returnedUnits)} of ${num(r.returns.deliveredUnits)} units`],
    ['Placed → delivered', hours(total?.medianHours), total ? `median of ${num(total.count)}; p90 ${hours(total.p90Hours)}` : ''],
    ['Backorders', num(r.backorders.count), `${num(r.backorders.stillWaiting)} still waiting; median wait ${hours(r.backorders.medianWaitHours)}`],
  ];
  return (
    <ul class="bo-tiles" aria-label="Headline figures" data-testid="kpi-tiles">
      {tiles.map(([label, value, note]) => (
        <li key={label}><span class="label">{label}</span><span class="value">{value}</span>{note && <span class="muted bo-small">{note}</span>}</li>
      ))}
    </ul>
  );
}

function Charts({ r }) {
  const cycles = r.cycleTimes.filter((c) => c.count > 0);
  const onTime = [['On time', r.onTime.onTime], ['Late', r.onTime.late], ['Without promise', r.onTime.withoutPromise]];
  const currencies = [...new Set(r.revenue.map((x) => x.currency))];
  const channels = [...new Set(r.revenue.map((x) => x.channel))];
  const amount = (ch, cur) => Number(r.revenue.find((x) => x.channel === ch && x.currency === cur)?.amount || 0);
  const reasons = r.returns.byReason || [];

  return (
    <div class="bo-charts">
      <ChartBox id="cycle-times" title="Cycle time per stage (hours)"
        summary={cycles.map((c) => `${STAGES[c.stage] || c.stage} median ${hours(c.medianHours)}`).join(', ')}
        empty="No order went through a stage in this range."
        config={{
          type: 'bar',
          data: {
            labels: cycles.map((c) => STAGES[c.stage] || words(c.stage)),
            datasets: [
              { label: 'Median', data: cycles.map((c) => Number(c.medianHours)), backgroundColor: PALETTE[0] },
              { label: '90th percentile', data: cycles.map((c) => Number(c.p90Hours)), backgroundColor: PALETTE[1] },
            ],
          },
          options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } },
        }}
        columns={['Stage', 'Orders', 'Median', '90th percentile']}
        rows={cycles.map((c) => [STAGES[c.stage] || words(c.stage), num(c.count), hours(c.medianHours), hours(c.p90Hours)])} />

      <ChartBox id="on-time" title="Deliveries against the promise"
        summary={onTime.map(([l, v]) => `${l} ${v}`).join(', ')}
        empty="Nothing was delivered in this range."
        config={{
          type: 'doughnut',
          data: { labels: onTime.map((o) => o[0]), datasets: [{ data: onTime.map((o) => o[1]), backgroundColor: [PALETTE[2], PALETTE[4], PALETTE[7]] }] },
        }}
        columns={['Delivered', 'Orders']}
        rows={onTime.some((o) => o[1] > 0) ? onTime.map(([l, v]) => [l, num(v)]) : []} />

      <ChartBox id="revenue" title="Revenue per channel"
        summary={r.revenue.map((x) => `${words(x.channel)} ${money(x.amount, x.currency)}`).join(', ')}
        empty="No revenue in this range."
        config={{
          type: 'bar',
          data: {
            labels: channels.map(words),
            datasets: currencies.map((cur, i) => ({ label: cur, data: channels.map((ch) => amount(ch, cur)), backgroundColor: PALETTE[i % PALETTE.length] })),
          },
          options: { scales: { y: { beginAtZero: true } } },
        }}
        columns={['Channel', 'Currency', 'Revenue']}
        rows={r.revenue.map((x) => [words(x.channel), x.currency, money(x.amount, x.currency)])} />

      <ChartBox id="payment-methods" title="Payment methods"
        summary={r.paymentMethods.map((p) => `${words(p.method)} ${pct(p.share)}`).join(', ')}
        empty="No orders in this range."
        config={{
          type: 'doughnut',
          data: { labels: r.paymentMethods.map((p) => words(p.method)), datasets: [{ data: r.paymentMethods.map((p) => p.orders), backgroundColor: PALETTE }] },
        }}
        columns={['Method', 'Orders', 'Share']}
        rows={r.paymentMethods.map((p) => [words(p.method), num(p.orders), pct(p.share)])} />

      <ChartBox id="statuses" title="Orders per status"
        summary={r.ordersByStatus.map((s) => `${words(s.status)} ${s.orders}`).join(', ')}
        empty="No orders in this range."
        config={{
          type: 'bar',
          data: { labels: r.ordersByStatus.map((s) => words(s.status)), datasets: [{ label: 'Orders', data: r.ordersByStatus.map((s) => s.orders), backgroundColor: PALETTE[0] }] },
          options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        }}
        columns={['Status', 'Orders']}
        rows={r.ordersByStatus.map((s) => [words(s.status), num(s.orders)])} />

      <ChartBox id="returns" title="Returns by reason"
        summary={reasons.map((x) => `${words(x.reason)} ${x.requests} requests`).join(', ')}
        empty="No returns in this range."
        config={{
          type: 'bar',
          data: {
            labels: reasons.map((x) => words(x.reason)),
            datasets: [
              { label: 'Requests', data: reasons.map((x) => x.requests), backgroundColor: PALETTE[3] },
              { label: 'Units received back', data: reasons.map((x) => x.returnedUnits), backgroundColor: PALETTE[5] },
            ],
          },
          options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        }}
        columns={['Reason', 'Requests', 'Units received back']}
        rows={reasons.map((x) => [words(x.reason), num(x.requests), num(x.returnedUnits)])} />
    </div>
  );
}

export function Kpis() {
  const [filters, setFilters] = useState(initialFilters);
  const q = query(filters);
  const { data, error, loading, reload } = useApi('/api/analytics/kpis', q);
  const apply = (f) => {
    setFilters(f);
    const qs = f.period === 'custom' ? queryString({ from: f.from, to: f.to, warehouse: f.warehouse })
      : queryString({ period: f.period === '30d' ? '' : f.period, warehouse: f.warehouse });
    history.replaceState(null, '', '#/kpis' + (qs ? '?' + qs : ''));
  };
  const csv = '/api/analytics/kpis.csv?' + queryString(q);
  return (
    <Page title="Fulfilment KPIs" wide actions={<a class="button secondary small" href={csv} download data-testid="kpi-csv">Download CSV</a>}>
      <RequireRole roles={ROLES}>
        <Filters filters={filters} onApply={apply} />
        <p class="muted" aria-live="polite" data-testid="kpi-range">
          {data
            ? <>Orders placed from {data.from} to {data.to} (UTC){data.warehouse ? <>, warehouse {data.warehouse}</> : ', all warehouses'}.</>
            : loading ? 'Computing the figures…' : ''}
          {loading && data && <> <span class="spinner" aria-hidden="true" /> updating…</>}
        </p>
        <ProblemBox error={error} onRetry={reload} />
        {loading && !data && !error && <Loading label="Computing the KPIs…" />}
        {data && (
          <>
            <Tiles r={data} />
            <Charts r={data} />
          </>
        )}
      </RequireRole>
    </Page>
  );
}

export const routes = [{ path: '/kpis', component: Kpis }];
export const nav = [{ href: '#/kpis', label: 'KPIs', roles: ROLES }];
