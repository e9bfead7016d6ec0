// Models: the process versions side by side (which one new instances take, how many instances still run on each) and
// what was published lately: new versions with their changed elements, or why a save was refused.
//   #/models   (analyst; ops reads)
import { dateTime, Empty, Loading, Page, ProblemBox, RequireRole, useApi } from '../ui.jsx';
import { num } from './backoffice/common.jsx';
import './desk.css';

const ROLES = ['analyst', 'ops'];

function Versions() {
  const { data, error, loading, reload } = useApi('/api/models', null, [], 15000);
  return (
    <section aria-labelledby="models-h">
      <h2 id="models-h">Process versions</h2>
      {loading && !data && <Loading label="Loading the process versions…" />}
      <ProblemBox error={error} onRetry={reload} />
      {data && data.length === 0 && <Empty>No process versions: on a Camunda cluster, Operate shows them.</Empty>}
      {(data || []).map((p) => (
        <div class="panel dk-model" key={p.bpmnProcessId} data-testid={`model-${p.bpmnProcessId}`}>
          <h3><code>{p.bpmnProcessId}</code> <span class="badge badge-good">new instances: version {p.latestVersion}</span></h3>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={`Versions of ${p.bpmnProcessId} (scrollable table)`}>
            <table class="bo-table">
              <caption class="bo-sr-only">Versions of {p.bpmnProcessId}</caption>
              <thead>
                <tr><th scope="col">Version</th><th scope="col">Resource</th><th scope="col" class="num">Active instances</th><th scope="col">Diagram</th></tr>
              </thead>
              <tbody>
                {p.versions.map((v) => (
                  <tr key={v.processDefinitionKey}>
                    <th scope="row">{v.version}{v.version === p.latestVersion && <span class="muted bo-small"> (latest)</span>}</th>
                    <td class="bo-break">{v.resourceName}</td>
                    <td class="num">{num(v.activeInstances)}</td>
                    <td><a href={`#/ops/processes/${v.processDefinitionKey}`}
                      aria-label={`Diagram of ${p.bpmnProcessId} version ${v.version}`}>Diagram</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

function Publications() {
  const { data, error, loading, reload } = useApi('/api/models/publications', null, [], 15000);
  return (
    <section aria-labelledby="publications-h">
      <h2 id="publications-h">Publications</h2>
      {loading && !data && <Loading label="Loading the publications…" />}
      <ProblemBox error={error} onRetry={reload} />
      {data && data.length === 0 && <Empty>Nothing published since the app started.</Empty>}
      {data && data.length > 0 && (
        <ul class="dk-publications" data-testid="publications">
          {data.map((pub, i) => (
            <li key={i}>
              <div class="dk-pub-head">
                {pub.accepted ? <span class="badge badge-good">Published</span> : <span class="badge badge-bad">Refused</span>}
                <strong class="bo-break">{pub.source || 'unknown source'}</strong>
                <span class="muted bo-small">{dateTime(pub.at)}</span>
              </div>
              {(pub.processes || []).length > 0 && (
                <ul>
                  {pub.processes.map((p) => (
                    <li key={p.processDefinitionKey}>
                      <a href={`#/ops/processes/${p.processDefinitionKey}`}>{p.bpmnProcessId} version {p.version}</a>
                      {p.version === 1 ? <span class="muted"> · first version</span> : p.changedElements && (p.changedElements.length
                        ? <span> · changed: {p.changedElements.map((e) => <code key={e}>{e} </code>)}</span>
                        : <span class="muted"> · no element changed</span>)}
                    </li>
                  ))}
                </ul>
              )}
              {(pub.decisions || []).length > 0 && <p class="bo-small">Decisions: {pub.decisions.join(', ')}</p>}
              {(pub.forms || []).length > 0 && <p class="bo-small">Forms: {pub.forms.join(', ')}</p>}
              {pub.problem && <p class="dk-problem">{pub.problem}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Models() {
  return (
    <Page title="Models" wide>
      <RequireRole roles={ROLES}>
        <p class="muted">New instances take a process's latest version; running ones finish on theirs. Open a version's diagram to
          see where its instances stand.</p>
        <Versions />
        <Publications />
      </RequireRole>
    </Page>
  );
}

export const routes = [{ path: '/models', component: Models }];
export const nav = [{ href: '#/models', label: 'Models', roles: ROLES }];
