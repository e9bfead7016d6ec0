// Ops view: deployed processes drawn with bpmn-js, active instances and incidents per element, stuck instances, retry.
//   #/ops                                   deployed processes (every version), live counts
//   #/ops/processes/:processDefinitionKey   one version's diagram with a badge per element, refreshed every few seconds
//   #/ops/stuck                             incidents (with retry) and overdue tasks
// API (ops module): GET /api/ops/processes, …/{key}/xml, …/{key}/statistics, GET /api/ops/stuck,
// POST /api/ops/incidents/{incidentKey}/retry.
import { Empty, Loading, Page, ProblemBox, RequireRole, useApi } from '../ui.jsx';
import { num } from './backoffice/common.jsx';
import { DIAGRAM_ROLES, OpsTabs, POLL_MS } from './ops/shared.jsx';
import { ProcessDiagram } from './ops/diagram.jsx';
import { Stuck } from './ops/stuck.jsx';

/** Versions of a process newest first, processes by name. */
function sorted(list) {
  return [...list].sort((a, b) => (a.name || a.bpmnProcessId).localeCompare(b.name || b.bpmnProcessId)
    || a.bpmnProcessId.localeCompare(b.bpmnProcessId) || b.version - a.version);
}

export function ProcessList() {
  const { data, error, loading, reload } = useApi('/api/ops/processes', null, [], POLL_MS);
  return (
    <Page title="Processes" wide>
      <RequireRole roles={DIAGRAM_ROLES}>
        <OpsTabs current="#/ops" />
        <p class="muted">Every deployed version with its running instances and open incidents (refreshed every {POLL_MS / 1000} s).
          Open a version to see where its instances are.</p>
        {loading && !data && <Loading label="Loading the deployed processes…" />}
        <ProblemBox error={error} onRetry={reload} />
        {data && data.length === 0 && <Empty>No process is deployed.</Empty>}
        {data && data.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table" data-testid="process-list">
              <caption class="bo-sr-only">Deployed processes</caption>
              <thead>
                <tr>
                  <th scope="col">Process</th>
                  <th scope="col">Version</th>
                  <th scope="col" class="num">Active instances</th>
                  <th scope="col" class="num">Incidents</th>
                  <th scope="col">Resource</th>
                </tr>
              </thead>
              <tbody>
                {sorted(data).map((p) => (
                  <tr key={p.processDefinitionKey} data-process-id={p.bpmnProcessId}>
                    <td>
                      <a href={`#/ops/processes/${p.processDefinitionKey}`}>{p.name || p.bpmnProcessId}</a>
                      <div class="muted bo-small"><code>{p.bpmnProcessId}</code></div>
                    </td>
                    <td class="bo-nowrap">
                      v{p.version} {p.latest && <span class="badge badge-good">latest</span>}
                    </td>
                    <td class="num">{p.activeInstances > 0 ? <span class="badge bo-badge-active">{num(p.activeInstances)}</span> : num(p.activeInstances)}</td>
                    <td class="num">{p.incidents > 0 ? <span class="badge bo-badge-incident">{num(p.incidents)}</span> : num(p.incidents)}</td>
                    <td class="bo-break bo-small">{p.resourceName || '–'}</td>
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
  { path: '/ops', component: ProcessList },
  { path: '/ops/stuck', component: Stuck },
  { path: '/ops/processes/:processDefinitionKey', component: ProcessDiagram },
];
export const nav = [{ href: '#/ops', label: 'Processes', roles: DIAGRAM_ROLES }];
