/**
 * Event logs of a simulated period for process-mining tools: XES (IEEE 1849-2016) and CSV. One
 * trace per incident; for each task a start and a complete event with the lane as the resource
 * role; start and end events as instantaneous completes. Pure: strings out.
 */
import type { ExplainedIncident } from './domain/replication.ts';

interface LogEvent {
  activity: string;
  elementId: string;
  lifecycle: 'start' | 'complete';
  timestamp: number;
  role: string;
}

function eventsOf(incident: ExplainedIncident): LogEvent[] {
  const events: LogEvent[] = [];
  for (const step of incident.timeline) {
    const base = { activity: step.name || step.id, elementId: step.id, role: step.lane ?? '' };
    if (step.kind === 'task') {
      events.push({ ...base, lifecycle: 'start', timestamp: step.startedAt });
      events.push({ ...base, lifecycle: 'complete', timestamp: step.endedAt });
    } else if (step.kind === 'start' || step.kind === 'end') {
      events.push({ ...base, lifecycle: 'complete', timestamp: step.endedAt });
    }
  }
  // Parallel branches interleave: a log is in time order (stable for equal times).
  return events.map((event, order) => ({ event, order })).sort((a, b) => a.event.timestamp - b.event.timestamp || a.order - b.order).map(({ event }) => event);
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iso = (instant: number) => new Date(instant).toISOString();

function caseAttributes(incident: ExplainedIncident): [string, string][] {
  return Object.entries(incident.context)
    .filter(([name]) => name !== 'children')
    .map(([name, value]) => [name, String(value)]);
}

export function toXes(incidents: readonly ExplainedIncident[], logName: string): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
    '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
    '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
    '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
    '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
    '  <global scope="trace"><string key="concept:name" value="__INVALID__"/></global>',
    '  <global scope="event"><string key="concept:name" value="__INVALID__"/><string key="lifecycle:transition" value="complete"/><date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/></global>',
    '  <classifier name="Activity" keys="concept:name"/>',
    '  <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>',
    `  <string key="concept:name" value="${xml(logName)}"/>`,
  ];
  for (const incident of incidents) {
    parts.push('  <trace>');
    parts.push(`    <string key="concept:name" value="incident ${incident.number}"/>`);
    for (const [name, value] of caseAttributes(incident)) parts.push(`    <string key="${xml(name)}" value="${xml(value)}"/>`);
    for (const event of eventsOf(incident)) {
      parts.push(
        `    <event><string key="concept:name" value="${xml(event.activity)}"/><string key="lifecycle:transition" value="${event.lifecycle}"/><date key="time:timestamp" value="${iso(event.timestamp)}"/><string key="org:role" value="${xml(event.role)}"/><string key="elementId" value="${xml(event.elementId)}"/></event>`,
      );
    }
    parts.push('  </trace>');
  }
  parts.push('</log>', '');
  return parts.join('\n');
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function toEventCsv(incidents: readonly ExplainedIncident[]): string {
  const rows = ['case,activity,element,lifecycle,timestamp,role'];
  for (const incident of incidents) {
    for (const event of eventsOf(incident)) {
      rows.push([`incident ${incident.number}`, event.activity, event.elementId, event.lifecycle, iso(event.timestamp), event.role].map(csvCell).join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}
