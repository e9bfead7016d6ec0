// One deployed version of a process: its diagram with live badges per element (active instances, incidents), a legend,
// the same figures as a table, and links to the process's other versions.
import { useEffect, useState } from 'preact/hooks';
import { Loading, Page, ProblemBox, RequireRole, useApi } from '../../ui.jsx';
import { getText, num } from '../backoffice/common.jsx';
import { BpmnCanvas } from './BpmnCanvas.jsx';
import { DIAGRAM_ROLES, OpsTabs, POLL_MS } from './shared.jsx';

function useXml(key) {
  const [state, setState] = useState({ xml: null, error: null, loading: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ xml: null, error: null, loading: true });
    getText(`/api/ops/processes/${encodeURIComponent(key)}/xml`, { signal: ctrl.signal })
      .then((xml) => setState({ xml, error: null, loading: false }),
        (error) => { if (error.name !== 'AbortError') setState({ xml: null, error, loading: false }); });
    return () => ctrl.abort();
  }, [key, attempt]);
  return { ...state, retry: () => setAttempt((a) => a + 1) };
}

function Legend() {
  return (
    <ul class="bo-legend" aria-label="Legend">
      <li><span class="bo-overlay bo-overlay-active" aria-hidden="true">3</span> active instances waiting at or running the element</li>
      <li><span class="bo-overlay bo-overlay-incidents" aria-hidden="true">1</span> open incidents (see Stuck work)</li>
      <li class="muted">Drag to move, scroll or pinch to zoom. Figures refresh every {POLL_MS / 1000} s.</li>
    </ul>
  );
}

export function ProcessDiagram({ processDefinitionKey: key }) {
  const processes = useApi('/api/ops/processes', null, [], POLL_MS * 3);
  const stats = useApi(`/api/ops/processes/${encodeURIComponent(key)}/statistics`, null, [key], POLL_MS);
  const { xml, error: xmlError, loading: xmlLoading, retry } = useXml(key);
  const [names, setNames] = useState({});
  const [renderError, setRenderError] = useState(null);
  const [updated, setUpdated] = useState(null);
  useEffect(() => { if (stats.data) setUpdated(new Date()); }, [stats.data]);

  const def = processes.data?.find((p) => String(p.processDefinitionKey) === String(key));
  const versions = def ? processes.data.filter((p) => p.bpmnProcessId === def.bpmnProcessId).sort((a, b) => b.version - a.version) : [];
  const title = def ? `${def.name || def.bpmnProcessId} · v${def.version}` : 'Process diagram';
  const rows = (stats.data || []).filter((s) => (s.active || 0) > 0 || (s.incidents || 0) > 0)
    .sort((a, b) => (b.incidents || 0) - (a.incidents || 0) || (b.active || 0) - (a.active || 0));
  const totalActive = rows.reduce((n, s) => n + Number(s.active || 0), 0);
  const totalIncidents = rows.reduce((n, s) => n + Number(s.incidents || 0), 0);

  return (
    <Page title={title} wide actions={<a class="button secondary small" href="#/ops">All processes</a>}>
      <RequireRole roles={DIAGRAM_ROLES}>
        <OpsTabs current="#/ops" />
        {def && (
          <p class="muted">
            <code>{def.bpmnProcessId}</code> version {def.version}{def.latest ? ' (latest)' : ''}
            {def.resourceName && <> from <code>{def.resourceName}</code></>}
            {versions.length > 1 && (
              <>
                {' · other versions: '}
                {versions.filter((v) => v !== def).map((v, i) => (
                  <span key={v.processDefinitionKey}>{i > 0 && ', '}<a href={`#/ops/processes/${v.processDefinitionKey}`}>v{v.version}</a></span>
                ))}
              </>
            )}
          </p>
        )}
        <Legend />
        {xmlLoading && <Loading label="Loading the diagram…" />}
        <ProblemBox error={xmlError} onRetry={retry} />
        {renderError && (
          <div class="problem" role="alert"><strong class="problem-title">The diagram cannot be drawn</strong>
            <p class="problem-detail">{String(renderError.message || renderError)}</p></div>
        )}
        {xml && <BpmnCanvas xml={xml} statistics={stats.data} onElements={setNames} onError={setRenderError} title={title} />}
        <ProblemBox error={stats.error} onRetry={stats.reload} />

        <h2 id="element-figures">Where the instances are</h2>
        <p class="bo-live">
          {num(totalActive)} active · {num(totalIncidents)} incident{totalIncidents === 1 ? '' : 's'}
          {updated && <> · updated {updated.toLocaleTimeString()}</>}
          {stats.loading && <span class="spinner" aria-hidden="true" />}
        </p>
        {stats.data && rows.length === 0 && <p class="empty">No instance of this version is active.</p>}
        {rows.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table class="bo-table" aria-labelledby="element-figures" data-testid="element-statistics">
              <thead>
                <tr><th scope="col">Element</th><th scope="col" class="num">Active</th><th scope="col" class="num">Incidents</th></tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.elementId} data-element-id={s.elementId}>
                    <td>{names[s.elementId] || s.elementId}<div class="muted bo-small"><code>{s.elementId}</code></div></td>
                    <td class="num" data-testid={`active-${s.elementId}`}>{num(s.active || 0)}</td>
                    <td class="num" data-testid={`incidents-${s.elementId}`}>
                      {s.incidents > 0 ? <a href="#/ops/stuck">{num(s.incidents)}</a> : num(s.incidents || 0)}
                    </td>
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
