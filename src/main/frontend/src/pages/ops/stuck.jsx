// Stuck work: open incidents (with the failing job's error and a Retry) and user tasks past their due date.
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Busy, dateTime, Empty, Loading, Page, ProblemBox, RequireRole, useApi } from '../../ui.jsx';
import { words } from '../backoffice/common.jsx';
import { OPS_ROLES, OpsTabs } from './shared.jsx';

const POLL = 10000;

function RetryResult({ result }) {
  if (!result) return null;
  if (result.error) return <ProblemBox error={result.error} />;
  return result.resolved
    ? <p class="success" data-testid="retry-result">Incident {result.incidentKey} resolved: the job has its retries back and runs again.</p>
    : <p class="notice" data-testid="retry-result">Retry requested for incident {result.incidentKey}; it is not resolved yet. Refreshing…</p>;
}

function Incident({ incident: i, result, onRetry }) {
  const canRetry = i.retriable !== false;
  return (
    <li class="card bo-incident" data-testid={`incident-${i.incidentKey}`} aria-labelledby={`incident-title-${i.incidentKey}`}>
      <h3 id={`incident-title-${i.incidentKey}`} class="bo-incident-title">
        {i.elementName || i.elementId} <span class="badge badge-bad">{words(i.errorType)}</span>
      </h3>
      <dl class="bo-facts">
        <div><dt>Process</dt><dd>
          {i.processDefinitionKey ? <a href={`#/ops/processes/${i.processDefinitionKey}`}>{i.bpmnProcessId}</a> : i.bpmnProcessId}
        </dd></div>
        <div><dt>Element</dt><dd><code>{i.elementId}</code></dd></div>
        <div><dt>Order / business key</dt><dd>{i.orderId ? <a href={`#/orders/${encodeURIComponent(i.orderId)}`}>{i.orderId}</a> : '–'}</dd></div>
        <div><dt>Process instance</dt><dd><code>{i.processInstanceKey}</code></dd></div>
        <div><dt>Since</dt><dd>{dateTime(i.createdAt)}</dd></div>
        {i.jobKey && <div><dt>Job</dt><dd><code>{i.jobKey}</code></dd></div>}
      </dl>
      <h4 class="bo-small">Error message</h4>
      <pre class="bo-error-message">{i.errorMessage || '(none)'}</pre>
      <div class="bo-incident-actions">
        {canRetry
          ? <Busy onClick={() => onRetry(i)} aria-describedby={`incident-title-${i.incidentKey}`}>Retry</Busy>
          : <p class="muted bo-small">This incident cannot be retried from here: fix its cause (data or model) first.</p>}
      </div>
      <div aria-live="polite"><RetryResult result={result} /></div>
    </li>
  );
}

export function Stuck() {
  const { data, error, loading, reload } = useApi('/api/ops/stuck', null, [], POLL);
  const [results, setResults] = useState({});

  const retry = async (incident) => {
    const key = incident.incidentKey;
    try {
      const r = await post(`/api/ops/incidents/${encodeURIComponent(key)}/retry`);
      setResults((m) => ({ ...m, [key]: { incidentKey: key, ...r } }));
    } catch (e) {
      setResults((m) => ({ ...m, [key]: { incidentKey: key, error: e } }));
      if (e.status === 404) await reload(); // gone meanwhile: show the list as it is now
      return;
    }
    await reload();
  };

  const incidents = data?.incidents || [];
  const overdue = data?.overdueTasks || [];
  const open = new Set(incidents.map((i) => String(i.incidentKey)));
  const resolvedGone = Object.values(results).filter((r) => !open.has(String(r.incidentKey)));

  return (
    <Page title="Stuck work" wide actions={<button type="button" class="secondary small" onClick={reload}>Refresh</button>}>
      <RequireRole roles={OPS_ROLES}>
        <OpsTabs current="#/ops/stuck" />
        {loading && !data && <Loading label="Looking for stuck work…" />}
        <ProblemBox error={error} onRetry={reload} />
        <div aria-live="polite" data-testid="retry-log">
          {resolvedGone.map((r) => <RetryResult key={r.incidentKey} result={r} />)}
        </div>
        {data && (
          <>
            <h2 id="incidents">Incidents <span class="bo-count">{incidents.length}</span></h2>
            {incidents.length === 0
              ? <Empty>No open incidents.</Empty>
              : (
                <ul class="bo-incidents" aria-labelledby="incidents">
                  {incidents.map((i) => (
                    <Incident key={i.incidentKey} incident={i} result={results[i.incidentKey]} onRetry={retry} />
                  ))}
                </ul>
              )}

            <h2 id="overdue">Overdue tasks <span class="bo-count">{overdue.length}</span></h2>
            {overdue.length === 0
              ? <Empty>No task is past its due date.</Empty>
              : (
                <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
                  <table class="bo-table" aria-labelledby="overdue" data-testid="overdue-tasks">
                    <thead>
                      <tr>
                        <th scope="col">Task</th><th scope="col">Process</th><th scope="col">Business key</th>
                        <th scope="col">Group</th><th scope="col">Assignee</th><th scope="col">Due</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overdue.map((t) => (
                        <tr key={t.taskKey}>
                          <td>{t.name || t.elementId}<div class="muted bo-small"><code>{t.elementId}</code></div></td>
                          <td><code>{t.bpmnProcessId}</code><div class="muted bo-small">{t.processInstanceKey}</div></td>
                          <td class="bo-break">{t.businessKey || '–'}</td>
                          <td>{(t.candidateGroups || []).join(', ') || '–'}</td>
                          <td>{t.assignee || <span class="muted">unclaimed</span>}</td>
                          <td class="bo-nowrap"><span class="badge badge-bad">overdue</span> {dateTime(t.dueDate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
          </>
        )}
      </RequireRole>
    </Page>
  );
}
