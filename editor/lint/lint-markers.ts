/** Lint issues on the diagram: a red or amber outline on the element and a badge with the count. */
import type { LintIssueJson } from '../api/types.ts';
import { clearMarker, services, setMarker, type Modeler } from '../modeler/bpmn-js.ts';

const overlayType = 'mf-lint';
const markers = { error: 'mf-lint-error', warn: 'mf-lint-warn' } as const;

export function clearLintMarkers(modeler: Modeler): void {
  services(modeler).overlays.remove({ type: overlayType });
  clearMarker(modeler, markers.error);
  clearMarker(modeler, markers.warn);
}

/** Shows the issues; returns those whose element is not on the canvas (the file, the process). */
export function showLintMarkers(modeler: Modeler, issues: readonly LintIssueJson[], onPick: (id: string) => void): LintIssueJson[] {
  clearLintMarkers(modeler);
  const { overlays, elementRegistry } = services(modeler);
  const byElement = new Map<string, LintIssueJson[]>();
  const offCanvas: LintIssueJson[] = [];
  for (const issue of issues) {
    if (!issue.id || !elementRegistry.get(issue.id)) {
      offCanvas.push(issue);
      continue;
    }
    byElement.set(issue.id, [...(byElement.get(issue.id) ?? []), issue]);
  }
  for (const [id, list] of byElement) {
    const category = list.some((issue) => issue.category === 'error') ? 'error' : 'warn';
    setMarker(modeler, id, markers[category], true);
    const badge = document.createElement('button');
    badge.type = 'button';
    badge.className = `mf-lint-badge mf-lint-badge-${category}`;
    badge.textContent = String(list.length);
    badge.title = list.map((issue) => `${issue.category}: ${issue.message} (${issue.rule})`).join('\n');
    badge.setAttribute('aria-label', `${list.length} lint ${list.length === 1 ? 'problem' : 'problems'} on ${id}`);
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      onPick(id);
    });
    overlays.add(id, overlayType, { position: { top: -12, right: 12 }, html: badge });
  }
  return offCanvas;
}
