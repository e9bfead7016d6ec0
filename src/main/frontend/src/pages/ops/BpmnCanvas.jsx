// A BPMN diagram (bpmn-js NavigatedViewer: drag to move, wheel/pinch to zoom) with a badge per element: active
// instances (blue) and incidents (red). The badges follow `statistics` without importing the diagram again.
import { useEffect, useRef, useState } from 'preact/hooks';

let viewerModule;
function loadViewer() {
  viewerModule ||= import('./bpmn-viewer.js');
  return viewerModule;
}

const OVERLAY = 'ops-statistics';

function badge(kind, elementId, count, label) {
  const el = document.createElement('span');
  el.className = `bo-overlay bo-overlay-${kind}`;
  el.textContent = String(count);
  el.title = label;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.dataset.testid = `overlay-${kind}-${elementId}`;
  return el;
}

/** Sizes the box to the diagram's proportions (between 320 px and 70 % of the window) and fits the diagram in it. */
function fit(instance, box) {
  const canvas = instance.get('canvas');
  canvas.resized();
  const { inner } = canvas.viewbox();
  if (box && inner.width > 0) {
    const wanted = (box.clientWidth * inner.height) / inner.width + 48;
    box.style.height = `${Math.round(Math.min(window.innerHeight * 0.7, Math.max(320, wanted)))}px`;
    canvas.resized();
  }
  canvas.zoom('fit-viewport', 'auto');
}

/**
 * @param {{xml: string, statistics: Array<{elementId, active, incidents}>, onElements?: (names: Record<string,string>) => void,
 *   onError?: (e: Error) => void}} props
 */
export function BpmnCanvas({ xml, statistics, onElements, onError, title }) {
  const container = useRef(null);
  const viewer = useRef(null);
  const markers = useRef([]);
  const moved = useRef(false); // the user zoomed or dragged: a resize keeps their view
  const [ready, setReady] = useState(0);

  useEffect(() => {
    if (!xml) return undefined;
    let cancelled = false;
    let instance;
    (async () => {
      try {
        const { NavigatedViewer } = await loadViewer();
        if (cancelled) return;
        instance = new NavigatedViewer({ container: container.current });
        await instance.importXML(xml);
        if (cancelled) { instance.destroy(); return; }
        viewer.current = instance;
        moved.current = false;
        fit(instance, container.current);
        const names = {};
        instance.get('elementRegistry').forEach((e) => {
          if (e.type !== 'label' && e.businessObject?.id) names[e.id] = e.businessObject.name || '';
        });
        onElements?.(names);
        setReady((r) => r + 1);
      } catch (e) {
        if (!cancelled) onError?.(e);
      }
    })();
    return () => {
      cancelled = true;
      viewer.current = null;
      markers.current = [];
      instance?.destroy();
    };
  }, [xml]);

  // the box follows the diagram's shape (a wide process gets no empty band), and a resized box fits it again
  useEffect(() => {
    const box = container.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (!viewer.current || box.clientWidth === width) return;
      width = box.clientWidth;
      if (moved.current) viewer.current.get('canvas').resized();
      else fit(viewer.current, box);
    });
    observer.observe(box);
    const mark = () => { moved.current = true; };
    box.addEventListener('wheel', mark, { passive: true });
    box.addEventListener('pointerdown', mark);
    return () => {
      observer.disconnect();
      box.removeEventListener('wheel', mark);
      box.removeEventListener('pointerdown', mark);
    };
  }, []);

  useEffect(() => {
    const v = viewer.current;
    if (!v) return;
    const overlays = v.get('overlays');
    const canvas = v.get('canvas');
    const registry = v.get('elementRegistry');
    overlays.remove({ type: OVERLAY });
    markers.current.forEach(([id, cls]) => canvas.removeMarker(id, cls));
    markers.current = [];
    (statistics || []).forEach((s) => {
      if (!registry.get(s.elementId)) return;
      const active = Number(s.active || 0);
      const incidents = Number(s.incidents || 0);
      if (active > 0) {
        overlays.add(s.elementId, OVERLAY, {
          position: { bottom: 10, left: -10 },
          scale: { min: 1 }, // readable however far the diagram is zoomed out
          html: badge('active', s.elementId, active, `${active} active instance${active === 1 ? '' : 's'}`),
        });
        canvas.addMarker(s.elementId, 'bo-has-active');
        markers.current.push([s.elementId, 'bo-has-active']);
      }
      if (incidents > 0) {
        overlays.add(s.elementId, OVERLAY, {
          position: { bottom: 10, right: 10 },
          scale: { min: 1 },
          html: badge('incidents', s.elementId, incidents, `${incidents} incident${incidents === 1 ? '' : 's'}`),
        });
        canvas.addMarker(s.elementId, 'bo-has-incident');
        markers.current.push([s.elementId, 'bo-has-incident']);
      }
    });
  }, [statistics, ready]);

  const zoom = (step) => {
    const canvas = viewer.current?.get('canvas');
    if (!canvas) return;
    moved.current = step !== 0;
    if (step === 0) fit(viewer.current, container.current);
    else canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() * step)));
  };

  return (
    <div class="bo-diagram-wrap">
      <div class="bo-diagram-tools" role="group" aria-label="Zoom">
        <button type="button" class="secondary small" onClick={() => zoom(1.25)} aria-label="Zoom in">+</button>
        <button type="button" class="secondary small" onClick={() => zoom(0.8)} aria-label="Zoom out">−</button>
        <button type="button" class="secondary small" onClick={() => zoom(0)}>Fit</button>
      </div>
      <div class="bo-diagram" ref={container} role="region" data-testid="bpmn-diagram" data-ready={ready > 0 ? 'true' : 'false'}
        aria-label={`${title || 'Process'} diagram (focus it and use the arrow keys to move; the table below lists the same figures)`} />
    </div>
  );
}
