/**
 * What-if mode on the diagram: each task shaded by the mean time an incident waited there before
 * work on it started (for staff, for working hours, for the next sitting), with a badge giving the
 * hours (bands in wait-bands.ts).
 */
import type { Estimate } from '../../simulations/stats/confidence.ts';
import { clearMarker, services, setMarker, type Modeler } from '../modeler/bpmn-js.ts';
import { formatWait, waitBands, waitLevel } from './wait-bands.ts';

const markerFor = (level: number) => `mf-wait-${level}`;
const overlayType = 'mf-wait';

export function clearWaitShading(modeler: Modeler): void {
  for (const band of waitBands) clearMarker(modeler, markerFor(band.level));
  services(modeler).overlays.remove({ type: overlayType });
}

/** Shades the tasks on the canvas; returns how many were shaded (tasks the diagram no longer has are skipped). */
export function showWaitShading(modeler: Modeler, waitByTask: Readonly<Record<string, Estimate>>): number {
  clearWaitShading(modeler);
  const { overlays } = services(modeler);
  let shaded = 0;
  for (const [id, wait] of Object.entries(waitByTask)) {
    const level = waitLevel(wait.mean);
    if (level === 0 || !setMarker(modeler, id, markerFor(level), true)) continue;
    const badge = document.createElement('div');
    badge.className = `mf-wait-badge mf-wait-badge-${level}`;
    badge.textContent = formatWait(wait.mean);
    badge.title = `Mean wait before work starts: ${formatWait(wait.mean)} (95% CI ${formatWait(Math.max(0, wait.low))} to ${formatWait(wait.high)})`;
    overlays.add(id, overlayType, { position: { bottom: -10, right: 6 }, html: badge });
    shaded++;
  }
  return shaded;
}
