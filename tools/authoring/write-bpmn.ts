import type { FlowSpec, ModelSpec, NodeKind, NodeSpec } from './spec.ts';

/** Lays a ModelSpec out on a lane/column grid and writes BPMN 2.0 XML with diagram interchange. */

const poolX = 120;
const poolY = 60;
const poolHeader = 30;
const laneHeader = 30;
const rowHeight = 130;
const columnWidth = 165;
const firstColumnX = poolX + poolHeader + laneHeader + 70;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const sizes: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  task: { width: 120, height: 80 },
  userTask: { width: 120, height: 80 },
  manualTask: { width: 120, height: 80 },
  sendTask: { width: 120, height: 80 },
  xor: { width: 50, height: 50 },
  and: { width: 50, height: 50 },
};

const elementNames: Record<NodeKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  task: 'task',
  userTask: 'userTask',
  manualTask: 'manualTask',
  sendTask: 'sendTask',
  xor: 'exclusiveGateway',
  and: 'parallelGateway',
};

const isGateway = (kind: NodeKind) => kind === 'xor' || kind === 'and';
const isEvent = (kind: NodeKind) => kind === 'start' || kind === 'end';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function flowId(flow: FlowSpec): string {
  return `flow_${flow.from}_to_${flow.to}`;
}

export function writeBpmn(spec: ModelSpec): string {
  const laneTops = new Map<string, number>();
  let y = poolY;
  for (const lane of spec.lanes) {
    laneTops.set(lane.id, y);
    y += (lane.rows ?? 1) * rowHeight;
  }
  const poolHeight = y - poolY;
  const maxColumn = Math.max(...spec.nodes.map((node) => node.col));
  const poolWidth = firstColumnX - poolX + (maxColumn + 1) * columnWidth + 40;

  const boxes = new Map<string, Box>();
  const nodes = new Map<string, NodeSpec>();
  for (const node of spec.nodes) {
    const laneTop = laneTops.get(node.lane);
    if (laneTop === undefined) throw new Error(`${node.id}: unknown lane ${node.lane}`);
    if (nodes.has(node.id)) throw new Error(`duplicate node id ${node.id}`);
    const size = sizes[node.kind];
    const centreX = firstColumnX + node.col * columnWidth + 60;
    const centreY = laneTop + (node.row ?? 0) * rowHeight + rowHeight / 2;
    boxes.set(node.id, { x: centreX - size.width / 2, y: centreY - size.height / 2, ...size });
    nodes.set(node.id, node);
  }

  const outgoing = new Map<string, FlowSpec[]>();
  const incoming = new Map<string, FlowSpec[]>();
  for (const flow of spec.flows) {
    if (!nodes.has(flow.from) || !nodes.has(flow.to)) throw new Error(`flow ${flowId(flow)}: unknown end`);
    outgoing.set(flow.from, [...(outgoing.get(flow.from) ?? []), flow]);
    incoming.set(flow.to, [...(incoming.get(flow.to) ?? []), flow]);
  }

  const lines: string[] = [];
  const push = (line: string) => lines.push(line);
  push('<?xml version="1.0" encoding="UTF-8"?>');
  push(
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mashflow="https://mashflow.org/schema/bpmn/1.0" id="${spec.definitionsId}" targetNamespace="https://mashflow.org/models" exporter="mashflow authoring" exporterVersion="0.1.0">`,
  );
  push(`  <bpmn:collaboration id="${spec.definitionsId}_collaboration">`);
  push(`    <bpmn:participant id="${spec.processId}_participant" name="${escape(spec.participantName)}" processRef="${spec.processId}" />`);
  push('  </bpmn:collaboration>');
  push(`  <bpmn:process id="${spec.processId}" name="${escape(spec.processName)}" isExecutable="true">`);
  push(`    <bpmn:documentation>${escape(spec.documentation)}</bpmn:documentation>`);
  push(`    <bpmn:laneSet id="${spec.processId}_lanes">`);
  for (const lane of spec.lanes) {
    push(`      <bpmn:lane id="${lane.id}" name="${escape(lane.name)}">`);
    for (const node of spec.nodes.filter((candidate) => candidate.lane === lane.id)) {
      push(`        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
    }
    push('      </bpmn:lane>');
  }
  push('    </bpmn:laneSet>');

  for (const node of spec.nodes) {
    const element = `bpmn:${elementNames[node.kind]}`;
    const defaultFlow = (outgoing.get(node.id) ?? []).find((flow) => flow.default);
    const defaultAttr = defaultFlow ? ` default="${flowId(defaultFlow)}"` : '';
    push(`    <${element} id="${node.id}" name="${escape(node.name)}"${defaultAttr}>`);
    if (node.doc) push(`      <bpmn:documentation>${escape(node.doc)}</bpmn:documentation>`);
    const extensions: string[] = [];
    for (const word of node.outcomes ?? []) extensions.push(`<mashflow:outcome word="${word}" />`);
    for (const who of node.notify ?? []) extensions.push(`<mashflow:notification to="${who}" />`);
    if (node.deadline) {
      const { name, within, clock } = node.deadline;
      extensions.push(`<mashflow:deadline name="${escape(name)}" within="${within}" clock="${clock}" />`);
    }
    if (node.meeting) {
      const { name, days, time } = node.meeting;
      extensions.push(`<mashflow:meeting name="${escape(name)}" days="${days}" time="${time}" />`);
    }
    if (extensions.length > 0) {
      push('      <bpmn:extensionElements>');
      for (const extension of extensions) push(`        ${extension}`);
      push('      </bpmn:extensionElements>');
    }
    for (const flow of incoming.get(node.id) ?? []) push(`      <bpmn:incoming>${flowId(flow)}</bpmn:incoming>`);
    for (const flow of outgoing.get(node.id) ?? []) push(`      <bpmn:outgoing>${flowId(flow)}</bpmn:outgoing>`);
    push(`    </${element}>`);
  }

  for (const flow of spec.flows) {
    const nameAttr = flow.name ? ` name="${escape(flow.name)}"` : '';
    const open = `    <bpmn:sequenceFlow id="${flowId(flow)}"${nameAttr} sourceRef="${flow.from}" targetRef="${flow.to}"`;
    if (flow.when) {
      push(`${open}>`);
      push(`      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${escape(flow.when)}</bpmn:conditionExpression>`);
      push('    </bpmn:sequenceFlow>');
    } else {
      push(`${open} />`);
    }
  }
  push('  </bpmn:process>');

  push(`  <bpmndi:BPMNDiagram id="${spec.processId}_diagram">`);
  push(`    <bpmndi:BPMNPlane id="${spec.processId}_plane" bpmnElement="${spec.definitionsId}_collaboration">`);
  push(`      <bpmndi:BPMNShape id="${spec.processId}_participant_di" bpmnElement="${spec.processId}_participant" isHorizontal="true">`);
  push(`        <dc:Bounds x="${poolX}" y="${poolY}" width="${poolWidth}" height="${poolHeight}" />`);
  push('      </bpmndi:BPMNShape>');
  for (const lane of spec.lanes) {
    const top = laneTops.get(lane.id) ?? 0;
    push(`      <bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true">`);
    push(
      `        <dc:Bounds x="${poolX + poolHeader}" y="${top}" width="${poolWidth - poolHeader}" height="${(lane.rows ?? 1) * rowHeight}" />`,
    );
    push('      </bpmndi:BPMNShape>');
  }
  for (const node of spec.nodes) {
    const box = boxes.get(node.id)!;
    const markerAttr = node.kind === 'xor' ? ' isMarkerVisible="true"' : '';
    push(`      <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${markerAttr}>`);
    push(`        <dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" />`);
    if (isEvent(node.kind) || isGateway(node.kind)) {
      const label = nodeLabel(node, box, (outgoing.get(node.id) ?? []).length > 1);
      push(`        <bpmndi:BPMNLabel><dc:Bounds x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" /></bpmndi:BPMNLabel>`);
    }
    push('      </bpmndi:BPMNShape>');
  }
  for (const flow of spec.flows) {
    const source = boxes.get(flow.from)!;
    const target = boxes.get(flow.to)!;
    const points = route(flow, source, target, nodes.get(flow.from)!.kind, nodes.get(flow.to)!.kind);
    push(`      <bpmndi:BPMNEdge id="${flowId(flow)}_di" bpmnElement="${flowId(flow)}">`);
    for (const [px, py] of points) push(`        <di:waypoint x="${px}" y="${py}" />`);
    if (flow.name) {
      const label = flowLabel(points, flow.name);
      push(`        <bpmndi:BPMNLabel><dc:Bounds x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" /></bpmndi:BPMNLabel>`);
    }
    push('      </bpmndi:BPMNEdge>');
  }
  push('    </bpmndi:BPMNPlane>');
  push('  </bpmndi:BPMNDiagram>');
  push('</bpmn:definitions>');
  return `${lines.join('\n')}\n`;
}

function nodeLabel(node: NodeSpec, box: Box, forks: boolean): Box {
  const width = 110;
  const height = Math.ceil(node.name.length / 18) * 14;
  // A forking gateway sends flows up and down, so its label sits above and to the left.
  if (forks) return { x: Math.round(box.x - width + 10), y: Math.round(box.y - height - 2), width, height };
  return { x: Math.round(box.x + box.width / 2 - width / 2), y: box.y + box.height + 5, width, height };
}

function flowLabel(points: [number, number][], name: string): Box {
  const [first, second] = points as [[number, number], [number, number]];
  const width = Math.min(110, Math.max(40, name.length * 7));
  const height = Math.ceil((name.length * 7) / 110) * 14;
  if (first[0] === second[0]) {
    // Vertical first leg: label to its right, halfway along.
    return { x: first[0] + 6, y: Math.round((first[1] + second[1]) / 2 - height / 2), width, height };
  }
  return { x: first[0] + 6, y: first[1] - height - 2, width, height };
}

function route(flow: FlowSpec, s: Box, t: Box, sourceKind: NodeKind, targetKind: NodeKind): [number, number][] {
  const sx = s.x + s.width / 2;
  const sy = s.y + s.height / 2;
  const tx = t.x + t.width / 2;
  const ty = t.y + t.height / 2;
  const sRight = s.x + s.width;
  if (flow.via) {
    const below = flow.via === 'below';
    const edge = below ? Math.max(s.y + s.height, t.y + t.height) + 22 : Math.min(s.y, t.y) - 22;
    const sEdge = below ? s.y + s.height : s.y;
    const tEdge = below ? t.y + t.height : t.y;
    return [
      [sx, sEdge],
      [sx, edge],
      [tx, edge],
      [tx, tEdge],
    ];
  }
  if (Math.abs(sy - ty) < 1) return [[sRight, sy], [t.x, ty]];
  const down = ty > sy;
  if (Math.abs(sx - tx) < 1) {
    return [
      [sx, down ? s.y + s.height : s.y],
      [tx, down ? t.y : t.y + t.height],
    ];
  }
  if (isGateway(sourceKind)) {
    return [
      [sx, down ? s.y + s.height : s.y],
      [sx, ty],
      [t.x, ty],
    ];
  }
  if (isGateway(targetKind)) {
    return [
      [sRight, sy],
      [tx, sy],
      [tx, down ? t.y : t.y + t.height],
    ];
  }
  const midX = Math.round(t.x - 22);
  return [
    [sRight, sy],
    [midX, sy],
    [midX, ty],
    [t.x, ty],
  ];
}
