'use client';

import {
  type MouseEvent,
  type ReactNode,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useRef,
  useState,
} from 'react';

interface View {
  x: number;
  y: number;
  k: number;
}

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 4;
/** Below this many screen pixels per layout pixel labels are unreadable: start zoomed in instead. */
const MIN_READABLE_SCALE = 0.6;

/**
 * Pan (drag) and zoom (buttons, Ctrl/⌘ + wheel, or a trackpad pinch) over a server-drawn SVG.
 * On touch screens a vertical swipe scrolls the page (touch-action: pan-y) and zoom is the buttons. The
 * viewBox fits the whole drawing to the box; on a narrow screen it starts at a readable zoom,
 * centred. A drag never follows the link it started on.
 */
export function GraphViewport({
  bounds,
  children,
}: {
  bounds: { x: number; y: number; width: number; height: number };
  children: ReactNode;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ startX: number; startY: number; view: View; moved: boolean } | null>(null);
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };

  /** Layout units per screen pixel, as the viewBox fits the drawing to the box. */
  const unitsPerPixel = () => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box?.width || !box.height) return 1;
    return Math.max(bounds.width / box.width, bounds.height / box.height);
  };

  const fit = () => {
    const k = Math.max(1, MIN_READABLE_SCALE * unitsPerPixel());
    setView({ x: 0, y: 0, k: Math.min(k, MAX_ZOOM) });
  };
  // Once, when the box has its size.
  useEffect(fit, []);

  const zoomBy = (factor: number) =>
    setView((v) => ({ ...v, k: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor)) }));

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // Plain wheel scrolls the page; Ctrl/⌘ + wheel (and a trackpad pinch) zooms the graph.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      zoomBy(Math.exp(-event.deltaY / 300));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { startX: event.clientX, startY: event.clientY, view, moved: false };
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const current = drag.current;
    if (!current) return;
    const dx = event.clientX - current.startX;
    const dy = event.clientY - current.startY;
    if (!current.moved && Math.hypot(dx, dy) < 4) return;
    if (!current.moved) event.currentTarget.setPointerCapture(event.pointerId);
    current.moved = true;
    const scale = unitsPerPixel();
    setView({ ...current.view, x: current.view.x + dx * scale, y: current.view.y + dy * scale });
  };
  const onPointerUp = () => {
    // Keep the flag until the click that ends this drag has been swallowed.
    setTimeout(() => {
      drag.current = null;
    });
  };
  // Hovering or focusing an entity highlights it, its relations and its neighbours.
  const highlight = (target: EventTarget | null) => {
    const svg = svgRef.current;
    if (!svg) return;
    for (const el of svg.querySelectorAll('[data-near]')) el.removeAttribute('data-near');
    const node = target instanceof Element ? target.closest<SVGElement>('[data-entity]') : null;
    const id = node?.dataset.entity;
    if (!node || !id) {
      svg.removeAttribute('data-focus');
      return;
    }
    svg.setAttribute('data-focus', id);
    node.setAttribute('data-near', '');
    const near = new Set<string>();
    for (const edge of svg.querySelectorAll<SVGElement>('[data-source]')) {
      const { source, target: to } = edge.dataset;
      if (source !== id && to !== id) continue;
      edge.setAttribute('data-near', '');
      near.add(source === id ? (to ?? '') : (source ?? ''));
    }
    for (const other of svg.querySelectorAll<SVGElement>('[data-entity]'))
      if (near.has(other.dataset.entity ?? '')) other.setAttribute('data-near', '');
  };

  const onClickCapture = (event: MouseEvent) => {
    if (drag.current?.moved) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <div className="graph-frame">
      <div className="graph-controls" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.3)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.3)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={fit}>
          Fit
        </button>
      </div>
      <div className="graph-canvas" data-testid="graph">
        <svg
          ref={svgRef}
          className="graph-svg"
          viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
          aria-label="Entity relation graph"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onClickCapture={onClickCapture}
          onPointerOver={(event) => highlight(event.target)}
          onPointerLeave={() => highlight(null)}
          onFocus={(event) => highlight(event.target)}
          onBlur={() => highlight(null)}
        >
          <g
            transform={`translate(${centre.x + view.x} ${centre.y + view.y}) scale(${view.k}) translate(${-centre.x} ${-centre.y})`}
          >
            {children}
          </g>
        </svg>
      </div>
    </div>
  );
}
