// Marketing: create campaigns and follow them.
//   #/campaigns               every campaign with its status and results (marketing, analysts; ops reads)
//   #/campaigns/new           a new campaign (marketing): POST /api/campaigns; a marketing manager approves it in the inbox
//   #/campaigns/:campaignId   one campaign: facts, approval, offers sent/accepted, revenue; cancel (marketing)
import { useState } from 'preact/hooks';
import { date, Empty, hasRole, Loading, money, Page, ProblemBox, RequireRole, StatusBadge, useApi, useMe } from '../ui.jsx';
import { num, words } from './backoffice/common.jsx';
import { CampaignDetail } from './campaigns/detail.jsx';
import { NewCampaign } from './campaigns/form.jsx';
import { audience, READ_ROLES, useCatalogue, WRITE_ROLES } from './campaigns/shared.jsx';

const STATUSES = ['AWAITING_APPROVAL', 'RUNNING', 'FINISHED', 'REJECTED', 'CANCELLED'];

export function Campaigns() {
  const me = useMe();
  const canDefine = hasRole(me, ...WRITE_ROLES);
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useApi(hasRole(me, ...READ_ROLES) ? '/api/campaigns' : null, null, [], 10000);
  const { products } = useCatalogue();
  const currency = products[0]?.currency || 'EUR';
  const shown = (data || []).filter((c) => !status || c.status === status);
  return (
    <Page title="Campaigns" wide actions={canDefine && <a class="button" href="#/campaigns/new">New campaign</a>}>
      <RequireRole roles={READ_ROLES}>
        <p class="muted">Offers to a customer segment or to the customers recommended a product. A new campaign runs once a
          marketing manager (not its author) approved it in the task inbox.</p>
        <div class="bo-toolbar">
          <div class="field">
            <label for="campaign-status">Status</label>
            <select id="campaign-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">All</option>
              {STATUSES.map((s) => <option key={s} value={s}>{words(s)}</option>)}
            </select>
          </div>
        </div>
        {loading && !data && <Loading label="Loading the campaigns…" />}
        <ProblemBox error={error} onRetry={reload} />
        {data && shown.length === 0 && (
          <Empty>{status ? `No campaign is ${words(status).toLowerCase()}.` : 'No campaign yet.'}
            {canDefine && !status && <> <a href="#/campaigns/new">Define the first one</a>.</>}</Empty>
        )}
        {shown.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table bo-stack" data-testid="campaign-list">
              <caption class="bo-sr-only">Campaigns</caption>
              <thead>
                <tr>
                  <th scope="col">Campaign</th><th scope="col">Audience</th><th scope="col" class="num">Discount</th>
                  <th scope="col">Valid until</th><th scope="col">Status</th>
                  <th scope="col" class="num">Offers sent</th><th scope="col" class="num">Accepted</th><th scope="col" class="num">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id} data-campaign-id={c.id}>
                    <td><a href={`#/campaigns/${c.id}`}>{c.name}</a><div class="muted bo-small">by {c.createdBy} · {date(c.createdAt)}</div></td>
                    <td data-label="Audience">{audience(c)}{c.audienceSize !== undefined && <div class="muted bo-small">{num(c.audienceSize)} customers</div>}</td>
                    <td data-label="Discount" class="num">{c.discountPercent} %</td>
                    <td data-label="Valid until" class="bo-nowrap">{date(c.validUntil)}</td>
                    <td data-label="Status"><StatusBadge status={c.status} /></td>
                    <td data-label="Offers sent" class="num">{c.offersSent === undefined ? '–' : num(c.offersSent)}</td>
                    <td data-label="Accepted" class="num">{c.offersAccepted === undefined ? '–' : num(c.offersAccepted)}</td>
                    <td data-label="Revenue" class="num">{c.revenue === undefined ? '–' : money(c.revenue, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </RequireRole>
    </Page>
  );
}

export const routes = [
  { path: '/campaigns', component: Campaigns },
  { path: '/campaigns/new', component: NewCampaign },
  { path: '/campaigns/:campaignId', component: CampaignDetail },
];
export const nav = [{ href: '#/campaigns', label: 'Campaigns', roles: ['marketing', 'analyst'] }];
